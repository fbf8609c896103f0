extension URLForm {
    /// `fields` as an `application/x-www-form-urlencoded` body: UTF-8, every byte outside
    /// `A-Z a-z 0-9 - . _ ~` percent-encoded (spaces as `%20`, which every reader decodes).
    static func encoded(_ fields: [(name: String, value: String)]) -> [UInt8] {
        var body: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { body.append(UInt8(ascii: "&")) }
            append(field.name, to: &body)
            body.append(UInt8(ascii: "="))
            append(field.value, to: &body)
        }
        return body
    }

    private static func append(_ text: String, to body: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                body.append(byte)
            default:
                body += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
    }
}
