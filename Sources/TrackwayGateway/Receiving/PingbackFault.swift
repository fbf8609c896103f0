import TrackwayXMLRPC

/// The ways `pingback.ping` can fail, with the Pingback 1.0 spec's codes and WordPress's texts.
enum PingbackFault: Error, Sendable, Equatable {
    /// 0: source and target are the same page, or the parameters are not two URLs.
    case generic(String)
    /// 16: the source could not be fetched (missing, refused address, too large, HTTP error).
    case sourceDoesNotExist
    /// 17: the source has no link to the target.
    case sourceHasNoLink
    /// 32: the target is on this site but no post is there.
    case targetDoesNotExist
    /// 33: the target is not a post that takes pings (foreign host, not published, pings closed).
    case targetCannotBeUsed
    /// 48: this source already pinged this post.
    case alreadyRegistered
    /// Too many pings from this client: WordPress's flood answer, code 429.
    case rateLimited

    var code: Int {
        switch self {
        case .generic: return 0
        case .sourceDoesNotExist: return 16
        case .sourceHasNoLink: return 17
        case .targetDoesNotExist: return 32
        case .targetCannotBeUsed: return 33
        case .alreadyRegistered: return 48
        case .rateLimited: return 429
        }
    }

    var message: String {
        switch self {
        case .generic(let message): return message
        case .sourceDoesNotExist: return "The source URL does not exist."
        case .sourceHasNoLink: return "The source URL does not contain a link to the target URL, and so cannot be used as a source."
        case .targetDoesNotExist: return "The specified target URL does not exist."
        case .targetCannotBeUsed: return "The specified target URL cannot be used as a target. It either does not exist, or it is not a pingback-enabled resource."
        case .alreadyRegistered: return "The pingback has already been registered."
        case .rateLimited: return "You are posting comments too quickly. Slow down."
        }
    }

    /// The XML-RPC fault; with `wordpressMasking`, every code but 48 and 429 becomes 0 with an
    /// empty text, as stock WordPress's `xmlrpc_pingback_error` filter does.
    func xmlrpcFault(wordpressMasking: Bool) -> XMLRPCFault {
        if wordpressMasking, self != .alreadyRegistered, self != .rateLimited {
            return XMLRPCFault(code: 0, message: "")
        }
        return XMLRPCFault(code: code, message: message)
    }
}
