import CLibXML2

extension XMLPullReader {
    /// The current element's attributes whose local names `wanted` holds, by local name.
    ///
    /// The values of the others are never copied out of libxml2: a Movable Type backup's author
    /// rows carry `password` and `api_password`, which must not reach a record.
    ///
    /// ```swift
    /// let fields = reader.attributes(among: ["id", "name", "email"])   // ["id": "1", "name": "melody", …]
    /// ```
    public func attributes(among wanted: Set<String>) -> [String: String] {
        var found: [String: String] = [:]
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return found }
        defer { xmlTextReaderMoveToElement(reader) }
        repeat {
            guard xmlTextReaderIsNamespaceDecl(reader) != 1, let name = xmlTextReaderConstLocalName(reader) else { continue }
            let key = String(cString: name)
            if wanted.contains(key), let value = xmlTextReaderConstValue(reader) {
                found[key] = String(cString: value)
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        return found
    }
}
