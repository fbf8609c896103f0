import Logging
import NIOConcurrencyHelpers
import TrackwayCore
import TrackwayStore

/// The owner's spam rules as the gateway applies them: kept in memory, so a ping reads them
/// without a query, and reloaded when the database's rules version changes, whoever changed
/// them (`trackway rules` in another process, the console, sqlite3).
///
/// ```swift
/// let rules = LiveSpamRules()
/// try await rules.reload(from: store)
/// let decision = SpamRuleDecider.door(sourceURL: source, rules: rules.current)
/// ```
///
/// The check costs one read of a one-row table every `checkInterval` (four a second), whatever
/// the traffic; the rules themselves are read only when they changed.
final class LiveSpamRules: Sendable {
    /// How often `watch` asks whether the rules changed: a change takes effect within it.
    static let checkInterval = 0.25

    private let state = NIOLockedValueBox((version: -1, rules: SpamRules.defaults))

    /// The rules now in force.
    var current: SpamRules {
        state.withLockedValue { $0.rules }
    }

    /// Reads the rules again when their version differs from the one held, and logs that it did.
    func reload(from store: any PingRepository, logger: Logger) async throws {
        let version = try await store.spamRulesVersion()
        guard version != state.withLockedValue({ $0.version }) else { return }
        // A change between these two reads leaves a newer version than the one recorded: it is
        // read again at the next check.
        let rules = try await store.spamRules()
        state.withLockedValue { $0 = (version, rules) }
        logger.info("spam rules loaded (version \(version))")
    }

    /// Reloads every `checkInterval` until cancelled; a failed read keeps the rules held.
    func watch(_ store: any PingRepository, logger: Logger) async {
        while !Task.isCancelled {
            do {
                try await reload(from: store, logger: logger)
            } catch {
                logger.error("reading the spam rules: \(error)")
            }
            do {
                try await Task.sleep(for: .seconds(Self.checkInterval))
            } catch {
                return
            }
        }
    }
}
