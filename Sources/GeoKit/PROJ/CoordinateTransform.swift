import CPROJ

/// Transforms coordinates between two coordinate reference systems with PROJ.
///
/// Axis order is normalised for visualisation: geographic CRSs such as EPSG:4326
/// take and return (longitude, latitude) in degrees; projected CRSs (easting, northing).
/// Bound to the `PROJContext` it was created with; use it on that context's thread only.
public final class CoordinateTransform {
    /// Which way to run the transformation.
    public enum Direction: Sendable {
        /// From the `from:` CRS to the `to:` CRS.
        case forward
        /// From the `to:` CRS back to the `from:` CRS.
        case inverse
    }

    /// What to do with points PROJ cannot transform (e.g. latitude 95°).
    public enum FailurePolicy: Sendable {
        /// Throw `PROJError.transformFailed` carrying the number of failed points.
        case throwError
        /// Set both coordinates of each failed point to NaN and carry on.
        case markNaN
    }

    /// The CRS text given as `from:`.
    public let sourceCRS: String
    /// The CRS text given as `to:`.
    public let targetCRS: String
    /// Whether the target (`to:`) CRS is geographic, i.e. outputs degrees rather than metres.
    public let crsIsGeographic: Bool
    /// Whether the source (`from:`) CRS is geographic.
    public let sourceCRSIsGeographic: Bool

    private let context: PROJContext
    private let operation: OpaquePointer

    /// Creates a transformation between two CRSs given as EPSG codes, PROJ strings or WKT.
    public init(from source: String, to target: String, context: PROJContext) throws(PROJError) {
        let sourceCRSObject = try Self.makeCRS(source, context: context)
        defer { proj_destroy(sourceCRSObject) }
        let targetCRSObject = try Self.makeCRS(target, context: context)
        defer { proj_destroy(targetCRSObject) }

        context.clearLoggedError()
        guard let rawOperation = proj_create_crs_to_crs_from_pj(
            context.handle, sourceCRSObject, targetCRSObject, nil, nil
        ) else {
            throw .noTransformation(from: source, to: target, message: context.lastErrorMessage)
        }
        defer { proj_destroy(rawOperation) }
        context.clearLoggedError()
        guard let normalized = proj_normalize_for_visualization(context.handle, rawOperation) else {
            throw .noTransformation(from: source, to: target, message: context.lastErrorMessage)
        }

        self.sourceCRS = source
        self.targetCRS = target
        self.context = context
        self.operation = normalized
        self.sourceCRSIsGeographic = Self.isGeographic(sourceCRSObject, context: context)
        self.crsIsGeographic = Self.isGeographic(targetCRSObject, context: context)
    }

    deinit {
        proj_destroy(operation)
    }

    /// Transforms one point.
    public func transform(
        _ point: (x: Double, y: Double), direction: Direction = .forward
    ) throws(PROJError) -> (x: Double, y: Double) {
        _ = proj_errno_reset(operation)
        var input = PJ_COORD()
        input.xyzt = PJ_XYZT(x: point.x, y: point.y, z: 0, t: 0)
        let output = proj_trans(operation, direction.projDirection, input).xyzt
        guard output.x.isFinite, output.y.isFinite else {
            throw .transformFailed(message: lastTransformErrorMessage, failedPoints: 1)
        }
        return (output.x, output.y)
    }

    /// Transforms parallel coordinate arrays in place; `x` holds longitudes/eastings, `y` latitudes/northings.
    ///
    /// Failed points are set to NaN under either policy; with `.throwError` the other points
    /// are still transformed before the error is thrown.
    public func transform(
        x: inout [Double],
        y: inout [Double],
        direction: Direction = .forward,
        onFailure policy: FailurePolicy = .throwError
    ) throws(PROJError) {
        guard x.count == y.count else {
            throw .invalidInput(reason: "x has \(x.count) values but y has \(y.count); pass one x and one y per point.")
        }
        guard !x.isEmpty else { return }
        let outcome = x.withUnsafeMutableBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                transformInPlace(
                    x: xs.baseAddress!, y: ys.baseAddress!,
                    strideBytes: MemoryLayout<Double>.stride, count: xs.count, direction: direction
                )
            }
        }
        try outcome.enforce(policy)
    }

    /// Transforms an interleaved buffer `[x0, y0, x1, y1, …]` in place without copying (e.g. a GEOS coordinate buffer).
    ///
    /// Failed points are set to NaN under either policy; with `.throwError` the other points
    /// are still transformed before the error is thrown.
    public func transform(
        interleaved xy: UnsafeMutableBufferPointer<Double>,
        direction: Direction = .forward,
        onFailure policy: FailurePolicy = .throwError
    ) throws(PROJError) {
        guard xy.count.isMultiple(of: 2) else {
            throw .invalidInput(reason: "An interleaved xy buffer needs an even number of values, got \(xy.count).")
        }
        guard let base = xy.baseAddress, xy.count > 0 else { return }
        let outcome = transformInPlace(
            x: base, y: base + 1,
            strideBytes: 2 * MemoryLayout<Double>.stride, count: xy.count / 2, direction: direction
        )
        try outcome.enforce(policy)
    }

    private struct Outcome {
        var failedPoints: Int
        var message: String

        func enforce(_ policy: FailurePolicy) throws(PROJError) {
            if failedPoints > 0, policy == .throwError {
                throw .transformFailed(message: message, failedPoints: failedPoints)
            }
        }
    }

    private func transformInPlace(
        x: UnsafeMutablePointer<Double>,
        y: UnsafeMutablePointer<Double>,
        strideBytes: Int,
        count: Int,
        direction: Direction
    ) -> Outcome {
        _ = proj_errno_reset(operation)
        let processed = proj_trans_generic(
            operation, direction.projDirection,
            x, strideBytes, count,
            y, strideBytes, count,
            nil, 0, 0,
            nil, 0, 0
        )
        let message = lastTransformErrorMessage
        guard processed == count else {
            markAllFailed(x: x, y: y, strideBytes: strideBytes, count: count)
            return Outcome(failedPoints: count, message: message)
        }
        let valuesPerStride = strideBytes / MemoryLayout<Double>.stride
        var failedPoints = 0
        for index in 0..<count {
            let offset = index * valuesPerStride
            if !x[offset].isFinite || !y[offset].isFinite {
                x[offset] = .nan
                y[offset] = .nan
                failedPoints += 1
            }
        }
        return Outcome(failedPoints: failedPoints, message: message)
    }

    private func markAllFailed(x: UnsafeMutablePointer<Double>, y: UnsafeMutablePointer<Double>, strideBytes: Int, count: Int) {
        let valuesPerStride = strideBytes / MemoryLayout<Double>.stride
        for index in 0..<count {
            x[index * valuesPerStride] = .nan
            y[index * valuesPerStride] = .nan
        }
    }

    private var lastTransformErrorMessage: String {
        let code = proj_errno(operation)
        if code != 0 { return context.message(forErrorCode: code) }
        let contextCode = proj_context_errno(context.handle)
        if contextCode != 0 { return context.message(forErrorCode: contextCode) }
        return "coordinates outside the area where the transformation is defined"
    }
}

extension CoordinateTransform.Direction {
    var projDirection: PJ_DIRECTION {
        switch self {
        case .forward: PJ_FWD
        case .inverse: PJ_INV
        }
    }
}

@available(*, unavailable, message: "A CoordinateTransform is bound to its PROJContext's thread; create one per worker.")
extension CoordinateTransform: Sendable {}
