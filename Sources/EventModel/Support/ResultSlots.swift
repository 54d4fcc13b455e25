import GeoKit
/// Fixed slots written by index from several threads, each index by exactly one thread.
package final class ResultSlots<T>: @unchecked Sendable {
    // Safe: the storage is allocated once and never moves or grows; every index is written once by one thread
    // and read only after all writers have joined. (An array written through `withUnsafeMutableBufferPointer`
    // from several threads is not: each call moves the array out of the property for its duration, so
    // concurrent writes could land in a buffer that another call then put back over, losing results.)
    private let slots: UnsafeMutableBufferPointer<Result<T, Error>?>
    package init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }
    package func set(_ i: Int, _ value: Result<T, Error>) { slots[i] = value }
    package func values() throws -> [T] { try slots.map { try $0!.get() } }
}
