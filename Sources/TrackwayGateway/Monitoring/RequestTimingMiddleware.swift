import Hummingbird

/// Times every request into `RequestDurations`, labelled with the route that answered it
/// (`GatewayRequestContext.setRoute`), never the path; passes requests straight on when metrics
/// are off (`durations` nil).
struct RequestTimingMiddleware: RouterMiddleware {
    typealias Context = GatewayRequestContext

    let durations: RequestDurations?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let durations else { return try await next(request, context) }
        let start = ContinuousClock.now
        let response = try await next(request, context)
        durations.record(route: context.endpointPath ?? GatewayRoute.unrouted.rawValue, status: response.status.code, since: start)
        return response
    }
}
