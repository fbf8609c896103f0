import CLibXML2

extension XMLPullReader {
    /// Calls `body` with each of the current element's attributes whose local name `wanted` holds,
    /// in document order: the name's index in `wanted`, and the value.
    ///
    /// The values of the others are never copied out of libxml2: a Movable Type backup's author
    /// rows carry `password` and `api_password`, which must not reach a record. Names are matched
    /// as libxml2 holds them, so an attribute that is not wanted costs no Swift string at all.
    ///
    /// ```swift
    /// let columns = XMLNameList(["id", "name", "email"])
    /// reader.attributes(among: columns) { index, value in fields[index] = value }   // id at 0, name at 1, …
    /// ```
    public func attributes(among wanted: XMLNameList, _ body: (_ index: Int, _ value: String) -> Void) {
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
        defer { xmlTextReaderMoveToElement(reader) }
        repeat {
            guard xmlTextReaderIsNamespaceDecl(reader) != 1, let name = xmlTextReaderConstLocalName(reader),
                  let index = wanted.index(of: name), let value = xmlTextReaderConstValue(reader) else { continue }
            body(index, string(at: value))
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
    }

    /// The index in `list` of the current node's local name; nil when it is none of them.
    public func localNameIndex(in list: XMLNameList) -> Int? {
        xmlTextReaderConstLocalName(reader).flatMap { list.index(of: $0) }
    }
}
