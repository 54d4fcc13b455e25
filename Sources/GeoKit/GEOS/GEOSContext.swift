import CGEOS

/// One GEOS reentrant context. Use one per thread or worker and never share it:
/// every geometry made through it belongs to it.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let messages: MessageBox

    /// Collects the last error and notice GEOS reported through the context's handlers.
    final class MessageBox {
        var lastError: String?
        var lastNotice: String?
    }

    public init() {
        guard let handle = GEOS_init_r() else {
            fatalError("GEOS_init_r returned NULL: out of memory")
        }
        self.handle = handle
        self.messages = MessageBox()
        let box = Unmanaged.passUnretained(messages).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let userdata, let message else { return }
            Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().lastError = String(cString: message)
        }, box)
        GEOSContext_setNoticeMessageHandler_r(handle, { message, userdata in
            guard let userdata, let message else { return }
            Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().lastNotice = String(cString: message)
        }, box)
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The GEOS library version, e.g. "3.11.1-CAPI-1.17.1".
    public static var version: String { String(cString: GEOSversion()) }

    /// The last notice GEOS sent (for example why a geometry is invalid), if any.
    public var lastNotice: String? { messages.lastNotice }

    /// Takes the error GEOS reported since the last call, or a fallback text.
    func takeError(_ fallback: String = "no message from GEOS") -> String {
        defer { messages.lastError = nil }
        return messages.lastError ?? fallback
    }

    func clearError() { messages.lastError = nil }

    /// Wraps a geometry pointer GEOS returned as newly owned, or throws GEOS's message.
    func owned(_ pointer: OpaquePointer?, _ operation: String) throws -> Geometry {
        guard let pointer else { throw GEOSError.operation(operation, message: takeError()) }
        return Geometry(owning: pointer, context: self)
    }

    /// Interprets a GEOS predicate result: 1 true, 0 false, 2 exception.
    func predicate(_ result: CChar, _ operation: String) throws -> Bool {
        switch result {
        case 1: return true
        case 0: return false
        default: throw GEOSError.operation(operation, message: takeError())
        }
    }
}
