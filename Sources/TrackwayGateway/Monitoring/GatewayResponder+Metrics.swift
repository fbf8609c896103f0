import HTTPTypes
import Hummingbird

extension GatewayResponder {
    static let metricsPath = "/metrics"

    /// `GET /metrics` with `Authorization: Bearer <token>`: every series in Prometheus' text format
    /// (`GatewayMetrics`); 401 for a missing or wrong token, so the counts never reach the public.
    /// Without `--metrics-token` the path is not routed here and is not found.
    func metrics(_ request: Request, token: String) async -> Response {
        guard let offered = Self.bearerToken(request.headers[.authorization]), Self.constantTimeEqual(offered, token) else {
            return Self.text(.unauthorized, "The metrics need the operator's token (Authorization: Bearer).\n", headers: [.wwwAuthenticate: "Bearer"])
        }
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are answered here.\n", headers: [.allow: "GET, HEAD"])
        }
        let body = await gateway.metrics.exposition(reading: gateway.store) { error in
            gateway.logger.error("metrics: the queues could not be read: \(error)")
        }
        return Self.bytes(
            .ok, request.method == .head ? [] : body, contentType: "text/plain; version=0.0.4; charset=utf-8", headers: [.cacheControl: "no-store"]
        )
    }
}
