/// The RPC timestamp format, `yyyy-MM-ddTHH:mm:ssZ` in UTC (fractional seconds `.SSS` before the `Z` are
/// accepted and ignored), converted to and from seconds since 1970 without a date formatter.
public enum Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z, or nil when `text` is not in the format.
    public static func parse(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b.last == UInt8(ascii: "Z")
        else { return nil }
        if b.count > 20 {
            // Fractional seconds: ".d" to ".ddddddddd".
            let fraction = b[19..<(b.count - 1)]
            guard fraction.count >= 2, fraction.count <= 10, fraction.first == UInt8(ascii: "."),
                fraction.dropFirst().allSatisfy(isDigit)
            else { return nil }
        }
        guard let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2),
            let hour = number(b, 11, 2), let minute = number(b, 14, 2), let second = number(b, 17, 2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return days * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` for seconds since 1970 (years 0 to 9999; a wider year is written whole).
    public static func format(_ seconds: Int64) -> String {
        // Floor division written so that no step overflows, down to Int64.min (found by fuzz/FuzzTimestamps).
        let remainder = seconds % 86_400
        let days = seconds / 86_400 - (remainder < 0 ? 1 : 0)
        let secondOfDay = remainder < 0 ? remainder + 86_400 : remainder
        let (year, month, day) = civilFromDays(days)
        guard (0...9999).contains(year) else {
            return "\(year)-\(twoDigits(month))-\(twoDigits(day))T\(twoDigits(secondOfDay / 3_600)):\(twoDigits(secondOfDay / 60 % 60)):\(twoDigits(secondOfDay % 60))Z"
        }
        // Written in place: every answer that lists resources formats one of these per resource.
        return String(unsafeUninitializedCapacity: 20) { bytes in
            func put(_ value: Int64, width: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + width - 1, through: offset, by: -1) {
                    bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, width: 4, at: 0)
            bytes[4] = UInt8(ascii: "-")
            put(month, width: 2, at: 5)
            bytes[7] = UInt8(ascii: "-")
            put(day, width: 2, at: 8)
            bytes[10] = UInt8(ascii: "T")
            put(secondOfDay / 3_600, width: 2, at: 11)
            bytes[13] = UInt8(ascii: ":")
            put(secondOfDay / 60 % 60, width: 2, at: 14)
            bytes[16] = UInt8(ascii: ":")
            put(secondOfDay % 60, width: 2, at: 17)
            bytes[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int64? {
        var value: Int64 = 0
        for byte in bytes[start..<(start + count)] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day)
    }
}
