import CLibXML2

extension XMLPullReader {
    /// The current element's attributes whose local names `wanted` holds, in document order,
    /// each named by its string in `wanted`.
    ///
    /// The values of the others are never copied out of libxml2: a Movable Type backup's author
    /// rows carry `password` and `api_password`, which must not reach a record.
    ///
    /// ```swift
    /// let fields = reader.attributes(among: XMLNameList(["id", "name", "email"]))   // [("id", "1"), ("name", "melody"), …]
    /// ```
    public func attributes(among wanted: XMLNameList) -> [(name: String, value: String)] {
        var found: [(name: String, value: String)] = []
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return found }
        defer { xmlTextReaderMoveToElement(reader) }
        repeat {
            guard xmlTextReaderIsNamespaceDecl(reader) != 1, let name = xmlTextReaderConstLocalName(reader),
                  let index = wanted.index(of: name), let value = xmlTextReaderConstValue(reader) else { continue }
            found.append((wanted.names[index], string(at: value)))
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        return found
    }

    /// The index in `list` of the current node's local name; nil when it is none of them.
    public func localNameIndex(in list: XMLNameList) -> Int? {
        xmlTextReaderConstLocalName(reader).flatMap { list.index(of: $0) }
    }
}
