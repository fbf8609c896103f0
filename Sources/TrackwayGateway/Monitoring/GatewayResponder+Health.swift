import HTTPTypes
import Hummingbird

extension GatewayResponder {
    static let healthPath = "/healthz"

    /// `GET /healthz`: `200 ok` while the node can read its database, `503` with the reason
    /// otherwise, for a load balancer or an orchestrator to take the node out of service. The
    /// reason names what failed, never a password or a path.
    func health(_ request: Request) async -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are answered here.\n", headers: [.allow: "GET, HEAD"])
        }
        let headers: HTTPFields = [.cacheControl: "no-store"]
        guard let problem = await gateway.databaseProblem() else { return Self.text(.ok, "ok\n", headers: headers) }
        gateway.logger.warning("health check: \(problem)")
        return Self.text(.serviceUnavailable, "database unreachable: \(problem)\n", headers: headers)
    }
}
