import TrackwayCore

/// `application/x-www-form-urlencoded` fields (a POST body or a query string), values kept as
/// bytes until their charset is known.
struct URLForm: Sendable {
    private(set) var fields: [(name: String, value: [UInt8])] = []

    init(_ encoded: some Collection<UInt8>) {
        for pair in encoded.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(decoding: Self.percentDecoded(parts[0]), as: UTF8.self)
            fields.append((name, parts.count > 1 ? Self.percentDecoded(parts[1]) : []))
        }
    }

    init(query: String?) {
        self.init(Array((query ?? "").utf8))
    }

    /// The first value of `name`, as bytes.
    func bytes(_ name: String) -> [UInt8]? {
        fields.first { $0.name == name }?.value
    }

    /// The first value of `name`, decoded as UTF-8.
    func string(_ name: String) -> String? {
        bytes(name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every value of `name` (a repeated field), decoded as UTF-8, in order.
    func strings(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map { String(decoding: $0.value, as: UTF8.self) }
    }

    func has(_ name: String) -> Bool { fields.contains { $0.name == name } }

    static func percentDecoded(_ encoded: some Collection<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index != encoded.endIndex {
            let byte = encoded[index]
            if byte == UInt8(ascii: "+") {
                result.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"),
                      let first = encoded.index(index, offsetBy: 1, limitedBy: encoded.endIndex), first != encoded.endIndex,
                      let second = encoded.index(first, offsetBy: 1, limitedBy: encoded.endIndex), second != encoded.endIndex,
                      let high = encoded[first].hexDigitValue, let low = encoded[second].hexDigitValue {
                result.append(high << 4 | low)
                index = second
            } else {
                result.append(byte)
            }
            index = encoded.index(after: index)
        }
        return result
    }
}
