/// A document could not be written where the caller asked: the path and the reason.
///
/// ```swift
/// catch let error as OutputError {
///     print(error)   // "cannot write /full/disk/blog.xml: No space left on device"
/// }
/// ```
public struct OutputError: Error, CustomStringConvertible {
    /// The one-line reason, naming the path.
    public var message: String
    public var description: String { message }
}
