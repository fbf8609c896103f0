/// Why a request body was not read to its end.
enum BodyRefusal: Error {
    /// Larger than `GatewayConfiguration.maxBodyBytes`.
    case tooLarge
    /// Still arriving after `GatewayConfiguration.bodyTimeoutSeconds`.
    case tooSlow
}
