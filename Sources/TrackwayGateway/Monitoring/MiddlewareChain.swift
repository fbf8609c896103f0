import Hummingbird

/// A responder with a middleware in front of it: Hummingbird builds such chains for its router's
/// routes, and the gateway, which routes by itself, puts the request timing in front this way.
struct MiddlewareChain<Middleware: RouterMiddleware, Next: HTTPResponder>: HTTPResponder
where Middleware.Context == Next.Context {
    let middleware: Middleware
    let next: Next

    func respond(to request: Request, context: Next.Context) async throws -> Response {
        try await middleware.handle(request, context: context) { try await next.respond(to: $0, context: $1) }
    }
}
