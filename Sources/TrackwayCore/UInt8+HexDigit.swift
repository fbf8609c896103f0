extension UInt8 {
    /// The value of this byte read as one hexadecimal digit (`0`-`9`, `a`-`f`, `A`-`F`), or nil:
    /// what percent-decoding a URL or a form needs.
    ///
    /// ```swift
    /// UInt8(ascii: "c").hexDigitValue   // 12
    /// ```
    public var hexDigitValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return self - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
