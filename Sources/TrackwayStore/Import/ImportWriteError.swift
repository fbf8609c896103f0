/// A record the store failed to write, which ended the import session and rolled back its open
/// batch.
///
/// ```swift
/// catch let error as ImportWriteError {
///     print(error)   // "cannot store post 42 of https://blog.example.com: SQL error 13 (database or disk is full) in: …"
/// }
/// ```
public struct ImportWriteError: Error, CustomStringConvertible {
    /// The record, as `post 42 of https://blog.example.com`.
    public var record: String
    /// What the store reported, usually a `StoreError`.
    public var underlying: any Error

    public init(record: String, underlying: any Error) {
        self.record = record
        self.underlying = underlying
    }

    public var description: String { "cannot store \(record): \(underlying)" }
}
