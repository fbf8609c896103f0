import Testing
@testable import TrackwayFormats

@Suite struct MTBackupTimeTests {
    @Test("server_offset is hours east of UTC, fractional ones included")
    func offsets() {
        #expect(MTBackupTime.offsetSeconds("5.5") == 19_800)
        #expect(MTBackupTime.offsetSeconds("-3.5") == -12_600)
        #expect(MTBackupTime.offsetSeconds("5.75") == 20_700)
        #expect(MTBackupTime.offsetSeconds("0") == 0)
        #expect(MTBackupTime.offsetSeconds("east") == nil)
        #expect(MTBackupTime.offsetSeconds("30") == nil)
    }

    @Test("14 local digits become WordPress's local text and UTC, across a day, a month and a leap day")
    func conversion() {
        let time = MTBackupTime("20090115093000", offsetSeconds: 19_800)
        #expect(time?.local == "2009-01-15 09:30:00")
        #expect(time?.utc == "2009-01-15 04:00:00")
        #expect(MTBackupTime("20090101010000", offsetSeconds: 19_800)?.utc == "2008-12-31 19:30:00")
        #expect(MTBackupTime("20240229233000", offsetSeconds: -12_600)?.utc == "2024-03-01 03:00:00")
        #expect(MTBackupTime("19691231235959", offsetSeconds: 0)?.utc == "1969-12-31 23:59:59")
    }

    @Test("anything but 14 digits of a real date and time is refused")
    func refused() {
        for text in ["2009011509300", "2009-01-15 09:30", "20090230120000", "20091301120000", "20090115246000", ""] {
            #expect(MTBackupTime(text, offsetSeconds: 0) == nil, "\(text)")
        }
    }
}
