import GeoKit
/// Fixed slots written by index from several threads, each index by exactly one thread.
package final class ResultSlots<T>: @unchecked Sendable {
    // Safe: every index is written once by one thread, and read only after all writers have joined.
    private var slots: [Result<T, Error>?]
    package init(count: Int) { slots = Array(repeating: nil, count: count) }
    package func set(_ i: Int, _ value: Result<T, Error>) { slots.withUnsafeMutableBufferPointer { $0[i] = value } }
    package func values() throws -> [T] { try slots.map { try $0!.get() } }
}
