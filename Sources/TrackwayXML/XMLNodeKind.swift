import CLibXML2

/// The kind of node an `XMLPullReader` is positioned on.
public enum XMLNodeKind: Sendable, Equatable {
    case element
    case endElement
    /// Text and CDATA (merged: CDATA sections arrive as text).
    case text
    /// Whitespace between elements.
    case whitespace
    /// A reference to an entity the document declared itself; never expanded.
    case entityReference
    /// A `<!DOCTYPE …>` declaration.
    case documentType
    case comment
    case processingInstruction
    case other

    init(readerType: Int32) {
        switch UInt32(readerType) {
        case XML_READER_TYPE_ELEMENT.rawValue: self = .element
        case XML_READER_TYPE_END_ELEMENT.rawValue: self = .endElement
        case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue: self = .text
        case XML_READER_TYPE_WHITESPACE.rawValue, XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue: self = .whitespace
        case XML_READER_TYPE_ENTITY_REFERENCE.rawValue: self = .entityReference
        case XML_READER_TYPE_DOCUMENT_TYPE.rawValue: self = .documentType
        case XML_READER_TYPE_COMMENT.rawValue: self = .comment
        case XML_READER_TYPE_PROCESSING_INSTRUCTION.rawValue: self = .processingInstruction
        default: self = .other
        }
    }
}
