/// Why a fetch gave no page, with the URL it concerned.
struct FetchError: Error, Sendable, CustomStringConvertible {
    enum Reason: Sendable {
        /// The address (after DNS, or on a redirect hop) is internal and private fetches are off.
        case refusedAddress
        /// Not an http or https URL.
        case unsupportedURL
        /// Larger than the size limit.
        case tooLarge
        /// HTTP status of 400 or more.
        case httpStatus(Int)
        /// DNS, connect, TLS, timeout or redirect-limit failure, with libcurl's text.
        case transport(String)
    }

    var url: String
    var reason: Reason

    /// True when trying again later may succeed: the network failed or the server answered 5xx.
    var isTemporary: Bool {
        switch reason {
        case .transport, .httpStatus(500...): return true
        default: return false
        }
    }

    var description: String {
        switch reason {
        case .refusedAddress: return "\(url): refused to connect to an internal address"
        case .unsupportedURL: return "\(url): not an http or https URL"
        case .tooLarge: return "\(url): larger than the size limit"
        case .httpStatus(let status): return "\(url): HTTP \(status)"
        case .transport(let message): return "\(url): \(message)"
        }
    }
}
