/// One XML-RPC value: the spec's scalar types, arrays and structs, plus the common `nil` extension.
///
/// ```swift
/// let value: XMLRPCValue = .array([.string("http://example.com/"), .int(3)])
/// value.arrayValue?.first?.stringValue   // "http://example.com/"
/// ```
public enum XMLRPCValue: Sendable, Equatable {
    /// `<int>`, `<i4>` or `<i8>` (written as `<int>` when it fits 32 bits, `<i8>` otherwise).
    case int(Int)
    case boolean(Bool)
    /// `<string>`, or a `<value>` with no type element.
    case string(String)
    case double(Double)
    /// `<dateTime.iso8601>` text as written (`19980717T14:08:55`); XML-RPC dates carry no zone.
    case dateTime(String)
    case base64([UInt8])
    case array([XMLRPCValue])
    /// `<struct>` members in document order (names may repeat in hostile input; the first wins on lookup).
    case structure([XMLRPCMember])
    /// `<nil/>` (or Apache's `<ex:nil/>`).
    case `nil`

    /// The text of a string value, nil for any other type.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The integer of an int value, nil for any other type.
    public var intValue: Int? {
        if case .int(let number) = self { return number }
        return nil
    }

    /// The elements of an array value, nil for any other type.
    public var arrayValue: [XMLRPCValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members of a struct value, nil for any other type.
    public var structValue: [XMLRPCMember]? {
        if case .structure(let members) = self { return members }
        return nil
    }

    /// The value of the first struct member called `name`.
    public subscript(member name: String) -> XMLRPCValue? {
        structValue?.first { $0.name == name }?.value
    }

    /// The XML-RPC type name, as `system.methodSignature` spells it.
    public var typeName: String {
        switch self {
        case .int: return "int"
        case .boolean: return "boolean"
        case .string: return "string"
        case .double: return "double"
        case .dateTime: return "dateTime.iso8601"
        case .base64: return "base64"
        case .array: return "array"
        case .structure: return "struct"
        case .nil: return "nil"
        }
    }
}
