import Glibc

// What the sample exports plant, and where. Rows are as Excel shows them (header = row 1) for
// the committed sample (seed 2022, year 2022, scale 1); other seeds plant the same things on
// the same days or case ordinals, so on nearby rows. Each planting appears once at any scale.
// `annual-return report` on the committed sample rejects exactly the 12 rows marked REJECTED
// and finds 4 conflicts.
//
// inspections.csv — UTF-8 with BOM, CRLF, Chinese headers plus the unmapped 序号 and 备注
//   rows 2–9   one date in each form, in order: 2021-11-01, 2021/11/1, 2021.11.1, 2021年11月1日,
//              20211101, "2021-11-01 09:50:00", Excel serial 44501, Excel serial with a time
//              fraction (44501.661…); later rows mix the forms, mostly ISO
//   row 17     (first row of 2021-11-02) name with trailing spaces
//   row 31     (first row of 2021-11-03) credit code all full-width
//   row 296    (first row of 2021-12-06) wrong check character: warning
//   row 588    (first row of 2022-01-11) credit code with an ASCII and an ideographic space
//   row 646    (first row of 2022-01-18) name only; the enterprise appears elsewhere with its code
//   row 880    (first row of 2022-02-16) credit code in lower case
//   row 985    REJECTED impossible date 2022-02-30 (after the rows of 2022-02-28)
//   rows 986–988 and 2521–2523: inspections in the lockdown months March and October (warnings);
//              no patrol (执法巡查) at all in those months
//   row 1066   (first row of 2022-04-12) quoted 备注 with a line break
//   row 1129   (first row of 2022-04-20) Latin trade name in full-width letters (示例市ＡＭＢ…)
//   row 1301   REJECTED empty 检查编号 (after the rows of 2022-05-10)
//   row 1401   (first row of 2022-05-23) wrong check character: warning
//   row 1582   REJECTED 已整改隐患数 5 > 一般 2 + 重大 0 (after the rows of 2022-06-14)
//   row 1859   (first row of 2022-07-19) credit code letters full-width
//   row 2049   REJECTED stray quote: 示例市"宏达"化工有限公司 unquoted (after 2022-08-09)
//   row 2291   REJECTED extra cell: unquoted comma in 备注 (after the rows of 2022-09-06)
//   row 2638   (first row of 2022-11-15) wrong check character: warning
//   rows 3034–3036  inspections of 2023-01-02..04: valid, after the year, counted nowhere
//   rows 3037–3040  a delimiter-only row as wide as the header, a short one (,,,,), two blank lines
//   throughout, at random: names with inner or trailing spaces, untidy codes, name-only rows of
//              frequently inspected enterprises, the alias 危化品, empty 重大隐患数 and
//              不规范执法行为数 cells (read as 0), trailing spaces after 执法人员
//
// penalties-2022-06-30.csv — older system: GB18030, LF, headers 处罚决定书日期 (mapped by the
// sample configuration), 罚款金额（元） with full-width brackets; 当事人类型 法人/自然人; dates as
// 2022/3/5, 2022年3月5日, 2022.3.5 or ISO; 一般程序 for about half the ordinary cases
//   rows 2–5   yes/no styles in order: 是/否, Y/N, 1/0, √/blank; later rows mix them
//   rows 2–7   the first fines in each form in order: 8000.00, 8,000.00, ￥20000, 10400元, 2万元,
//              ８００００; later rows mix them (fines of individuals, 40% of an income, have fen)
//   rows 5–24  the first several-type rows with separators 、 ， + / ； and " + " in order
//   row 7      (case ordinal 5) 罚款+暂扣许可证: legacy alias of 暂扣许可证件
//   row 11     (case ordinal 9) 吊销执照: legacy alias of 吊销许可证件
//   row 16     (case ordinal 14) 暂扣或者吊销许可证: ambiguous legacy name, warning
//   row 25     (case ordinal 23) REJECTED 罚歀, a near-typo of 罚款; December has it right
//   row 59     (case ordinal 57) REJECTED negative fine; repeated in December, rejected again
//   row 211    合计 whose fine and confiscation totals equal the sums of the valid rows
//
// penalties-2022-12-31.csv — newer system: UTF-8 without BOM, LF, standard headers, ISO dates,
// plain amounts, 是/否, 单位/个人, official names joined by 、
//   rows 2–210 every June case again, identical after normalisation (序号 and 备注 differ, e.g.
//              原系统迁移数据, which must not matter) except four conflicts the newer export wins:
//   row 14     (case ordinal 12) fine ten times the June amount (June was a zero short)
//   row 43     (case ordinal 41) 警告 added to 罚款
//   row 79     (case ordinal 77) decision date one day earlier
//   row 100    (case ordinal 98) hearing held (June: none)
//   row 226    (16th case after June) REJECTED 罚款、责令停产, a near-miss of 责令停产停业
//   row 251    (41st case after June) REJECTED empty 案件编号
//   row 367    合计 whose fine total is 3,000.00 yuan above the valid rows' sum: warning
//   row 368    填表说明
//
// enforcement.csv — UTF-8, LF, English canonical headers (action_id, date, kind, class, case_id,
// party, unit); short names 查封, 扣押, 冻结, 加处罚款, 申请法院强制执行 for about half of those
// kinds; class empty on about one row in seven; some dates as 2022/3/5; a few measures name no case
//   row 17     bare 其他 with class 行政强制措施: accepted as other_measure
//   row 22     REJECTED bare 其他 with an empty class: ambiguous
//   row 27     case id AJ2O22-0146 (letter O): names no case, warning
//   row 32     REJECTED empty date
//   row 40     case id AJ2020-0131, a year no export covers: names no case, warning

/// Writes the sample enforcement-system exports: a seeded, deterministic picture of one
/// district's year, with every kind of untidiness real exports have planted on purpose.
///
/// The same options give byte-identical files. Files are streamed with constant memory and
/// appear whole: each is written to a temporary file in the output folder and renamed into place.
public enum SampleExportGenerator {
    /// Writes `inspections.csv`, `penalties-YYYY-06-30.csv`, `penalties-YYYY-12-31.csv` and
    /// `enforcement.csv` into `directory`, creating it (and its parents) when missing.
    ///
    /// `onFileWritten` is called after each file is in place, in that order.
    /// - Returns: one report per file, in the order written.
    /// - Throws: ``GenerateError`` when the folder or a file cannot be created or written.
    @discardableResult
    public static func generate(
        into directory: String, options: SampleExportOptions,
        onFileWritten: (SampleFileReport) -> Void = { _ in }
    ) throws(GenerateError) -> [SampleFileReport] {
        try createFolder(directory)
        let calendar = SampleCalendar(year: options.year)
        let pool = SampleEnterprisePool(seed: options.seed, scale: options.scale)
        let cases = PenaltyCaseSequence(options: options, calendar: calendar, pool: pool)
        let penalties = PenaltyExportWriter(options: options, calendar: calendar, cases: cases)
        var reports: [SampleFileReport] = []
        func record(_ report: SampleFileReport) {
            reports.append(report)
            onFileWritten(report)
        }
        record(try InspectionExportWriter(options: options, calendar: calendar, pool: pool).write(to: directory))
        record(try penalties.write(.older, to: directory))
        record(try penalties.write(.newer, to: directory))
        record(try EnforcementExportWriter(options: options, calendar: calendar, pool: pool, cases: cases)
            .write(to: directory))
        return reports
    }

    /// Creates `path` and its missing parents, like `mkdir -p`.
    private static func createFolder(_ path: String) throws(GenerateError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw .cannotCreateFolder(path: path, reason: String(cString: strerror(errno)))
            }
            prefix += "/"
        }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw .cannotCreateFolder(path: path, reason: "a file of that name is in the way")
        }
    }
}
