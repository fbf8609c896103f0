/// Writing a WXR export failed: which part of the export, and why.
///
/// ```swift
/// catch let error as WXRWriteError where error.kind == .output {
///     print(error)   // "post 42: No space left on device"
/// }
/// ```
public struct WXRWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in a form callers can match; new kinds may be added.
    public struct Kind: Sendable, Hashable {
        private let name: String

        /// A method was called out of order (an item before the header, anything after `finish`).
        public static let callOrder = Kind(name: "callOrder")
        /// The output could not be opened.
        public static let openOutput = Kind(name: "openOutput")
        /// The output refused bytes, or libxml2 refused to write.
        public static let output = Kind(name: "output")
    }

    public var kind: Kind
    /// The part of the export it concerns: `header`, `post 42`, or the output path.
    public var item: String
    public var message: String

    init(_ kind: Kind, item: String, message: String) {
        self.kind = kind
        self.item = item
        self.message = message
    }

    public var description: String { "\(item): \(message)" }
}
