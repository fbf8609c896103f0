/// How far an import or an export has got, told as it goes so a caller can draw progress.
///
/// An import tells `began` when it starts an input and again once the input is open and its
/// size known, `advanced` after each batch of records, and `ended` when the input is done; an
/// export tells the same of its output, with `advanced` after each post.
///
/// ```swift
/// let report = try run.perform(store: store, database: path) { event in
///     if case .advanced(let bytes, let items) = event { print("\(bytes) bytes, \(items) items") }
/// }
/// ```
public enum ProgressEvent: Sendable {
    /// Work on `name` (a path, the name of bytes in memory, "export" for stdout) began;
    /// `totalBytes` is its size, 0 while unknown.
    case began(name: String, totalBytes: Int)
    /// `bytes` read (compressed bytes for gzip) or written so far, and the items (posts, pages,
    /// attachments and others) among them.
    case advanced(bytes: Int, items: Int)
    /// The input or output named by the last `began` is done with, whole or not.
    case ended
}
