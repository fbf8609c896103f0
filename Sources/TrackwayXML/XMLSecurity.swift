import CLibXML2

/// The libxml2 parser options every Trackway read uses, in one place.
///
/// `NONET` forbids network access, `NOCDATA` merges CDATA into text, `HUGE` lets real exports
/// carry text nodes over 10 MB, `COMPACT` stores short text inside its node (an allocation fewer
/// for most values of an export). Never `NOENT`, `DTDLOAD`, `DTDVALID` or `XINCLUDE`: those expand
/// entities from a DTD (XXE, billion laughs) or load other documents.
enum XMLSecurity {
    static let readerOptions: Int32 = Int32(bitPattern:
        XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_HUGE.rawValue | XML_PARSE_COMPACT.rawValue
    )

    /// Options for small untrusted documents (XML-RPC bodies): no huge nodes.
    static let strictReaderOptions: Int32 = Int32(bitPattern:
        XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
    )

    /// Options for sloppy HTML pages fetched from the web.
    static let htmlOptions: Int32 = Int32(bitPattern:
        HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOBLANKS.rawValue
    )

    /// Makes libxml2 quiet on stderr once per process; errors reach Trackway through handlers.
    static let silenceGlobalErrors: Void = {
        xmlInitParser()
        cxml_install_silent_generic_errors()
    }()
}
