extension PingbackFault {
    /// What a fault code a pingback server answered means, in words, for a sender's report
    /// (WordPress answers most faults with code 0 and no text, so the code is often all there is).
    static func meaning(ofCode code: Int) -> String {
        switch code {
        case 0: return "generic fault (WordPress masks most faults as 0)"
        case 16: return PingbackFault.sourceDoesNotExist.message
        case 17: return PingbackFault.sourceHasNoLink.message
        case 32: return PingbackFault.targetDoesNotExist.message
        case 33: return PingbackFault.targetCannotBeUsed.message
        case 48: return PingbackFault.alreadyRegistered.message
        case 49: return "Access denied."
        case 50: return "The server could not communicate with an upstream server."
        case 429: return PingbackFault.rateLimited.message
        case -32700: return "The server could not parse the call as XML."
        case -32601: return "The server has no pingback.ping method."
        case -32768 ... -32000: return "XML-RPC server error."
        default: return "unknown fault code"
        }
    }
}
