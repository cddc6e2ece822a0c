import Foundation
import Testing
@testable import StationsModule

/// The opening-hours parser, table-driven: what is accepted and how it is written back, what
/// is refused and why, and when a station is open.
@Suite struct OpeningHoursTests {
    @Test(arguments: [
        ("mon-fri 08:00-20:00; sat,sun 10:00-18:00", "mon-fri 08:00-20:00; sat,sun 10:00-18:00"),
        ("Mon-Fri 8:00-20:00;Sat,Sun 10:00-18:00", "mon-fri 08:00-20:00; sat,sun 10:00-18:00"),
        ("daily 07:00-22:00", "mon-sun 07:00-22:00"),
        ("daily 08:00-20:00; sun closed", "mon-sat 08:00-20:00"),
        ("daily 07:00-11:00,17:00-23:00; wed closed", "mon,tue,thu-sun 07:00-11:00,17:00-23:00"),
        ("24/7", "24/7"),
        ("daily 00:00-24:00", "24/7"),
        ("周一-周五 08:00-20:00", "mon-fri 08:00-20:00"),
        ("星期六,周日 09:00-17:00", "sat,sun 09:00-17:00"),
        ("fri-mon 10:00-16:00", "mon,fri-sun 10:00-16:00"),
        ("fri 20:00-02:00", "fri 20:00-24:00; sat 00:00-02:00"),
        ("sun 22:00-06:00", "mon 00:00-06:00; sun 22:00-24:00"),
        ("mon,wed,thu,fri 09:00-12:00", "mon,wed-fri 09:00-12:00"),
        // as people write them in Chinese
        ("周一至周五 08:00-20:00", "mon-fri 08:00-20:00"),
        ("周一到周五 8:00至20:00；周六、周日 9：00~17：00", "mon-fri 08:00-20:00; sat,sun 09:00-17:00"),
        ("sat, sun 10:00-18:00", "sat,sun 10:00-18:00"),
        ("mon - fri 08:00 - 12:00, 14:00 - 18:00", "mon-fri 08:00-12:00,14:00-18:00"),
    ])
    func readsAndNormalises(_ text: String, _ normal: String) throws {
        let hours = try OpeningHours(parsing: text)
        #expect(hours.description == normal)
        // The normal form reads back to the same hours.
        #expect(try OpeningHours(parsing: hours.description) == hours)
    }

    @Test(arguments: [
        ("", "no hours given"),
        ("mon-fry 08:00-20:00", "'fry' in 'mon-fry 08:00-20:00' is not a day"),
        ("mon-fri", "is not '<days> <times>'"),
        ("mon-fri 8-20", "'8-20' in 'mon-fri 8-20' is not a time span"),
        ("mon 08:00-25:00", "is not a time span"),
        ("mon 08:60-20:00", "is not a time span"),
        ("mon 08:00-08:00", "opens and closes at the same time"),
        ("mon 24:00-02:00", "opens at 24:00"),
        ("mon 08:00-12:00,11:00-14:00", "on mon 08:00-12:00 overlaps 11:00-14:00"),
        ("sun 20:00-09:00; mon 08:00-12:00", "on mon 00:00-09:00 overlaps 08:00-12:00"),
        ("daily closed", "the hours open on no day"),
        ("mon 08:00-20:00 extra", "is not '<days> <times>'"),
    ])
    func refusesWithTheReason(_ text: String, _ reason: String) {
        #expect {
            try OpeningHours(parsing: text)
        } throws: { error in
            "\(error)".contains(reason) && "\(error)".contains("mon-fri 08:00-20:00; sat,sun 10:00-18:00")
        }
    }

    @Test func knowsWhenItIsOpen() throws {
        let hours = try OpeningHours(parsing: "mon-fri 08:00-20:00; fri 22:00-02:00")
        #expect(hours.isOpen(on: .monday, atMinute: 8 * 60))
        #expect(!hours.isOpen(on: .monday, atMinute: 20 * 60), "closing time is closed")
        #expect(!hours.isOpen(on: .monday, atMinute: 7 * 60 + 59))
        #expect(hours.isOpen(on: .saturday, atMinute: 60), "Friday night runs into Saturday")
        #expect(!hours.isOpen(on: .saturday, atMinute: 2 * 60))
        #expect(!hours.isOpen(on: .sunday, atMinute: 12 * 60))
    }

    @Test func readsTheLocalClock() throws {
        let beijing = TimeZone(identifier: "Asia/Shanghai")!
        // 2026-11-18T10:00+08:00 is a Wednesday; 2026-11-22T23:30+08:00 a Sunday.
        let wednesday = Date(timeIntervalSince1970: 1_794_967_200)
        #expect(LocalMoment(wednesday, in: beijing) == LocalMoment(weekday: .wednesday, minute: 600))
        let sunday = wednesday.addingTimeInterval(4 * 86_400 + 13.5 * 3600)
        #expect(LocalMoment(sunday, in: beijing) == LocalMoment(weekday: .sunday, minute: 23 * 60 + 30))
        #expect(LocalMoment(sunday, in: TimeZone(identifier: "UTC")!).weekday == .sunday)
        #expect(LocalMoment(sunday, in: beijing).timeText == "23:30:00")
        let hours = try OpeningHours(parsing: "mon-fri 08:00-20:00")
        #expect(hours.isOpen(at: wednesday, in: beijing))
        #expect(!hours.isOpen(at: sunday, in: beijing))
    }

    @Test(arguments: [("mon", Weekday.monday), ("Sunday", .sunday), ("周三", .wednesday), ("星期天", .sunday), ("礼拜六", .saturday)])
    func readsDayNames(_ word: String, _ day: Weekday) {
        #expect(Weekday(word: word[...]) == day)
    }
}
