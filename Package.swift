// swift-tools-version:6.0
import PackageDescription

// Dependencies, each for one job we do not want to write again:
// - swift-argument-parser: the command line (subcommands, --help, exit codes).
// - Yams: the YAML configuration file and facts.yaml.
// - swift-mustache: the written report's template (report.md), which bureaus adapt themselves.
// - swift-log: timestamped run logs on stderr or a log file, for the operator who reads cron mail.
// - swift-property-based: property tests of the parser and of aggregate merging.
let package = Package(
    name: "annual-return",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "annual-return", targets: ["annual-return"]),
        .library(name: "AnnualReturn", targets: ["AnnualReturn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // libcsv ships no pkg-config file, so the module map links it by name.
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        // SHA-256 of each export for the data report (OpenSSL's libcrypto ships a pkg-config file).
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The 128-bit digests the dedupe key table and the enterprise table find entries by,
        // and record fingerprints: XXH3, header-only (compiled in, nothing to link).
        .systemLibrary(
            name: "CXXHash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        // return.xlsx with native charts (libxlsxwriter ships a pkg-config file).
        .systemLibrary(
            name: "CLibXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // A prefetch hint (a header): the booking thread has a large table's slot loaded while
        // it books the rows before.
        .systemLibrary(name: "CPrefetch"),
        // The level zlib deflates return.xlsx at: libxlsxwriter always asks for the default (6),
        // which took a third of the workbook's time (see CDeflateLevel/include/deflate_level.h).
        .target(name: "CDeflateLevel"),
        // The only Swift code that touches libcsv's pointers and callbacks, plus the byte-level
        // concerns of ingest: encodings, row numbering, recovery from malformed quoting.
        .target(
            name: "CSVIngest",
            dependencies: ["CLibCSV"],
            swiftSettings: [
                // The per-field callbacks write to the parser's buffers millions of times a
                // second; dynamic exclusivity checks on those class properties cost a third of
                // ingest time. Debug builds (and so the tests) keep the checks.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
            ]
        ),
        .target(
            name: "AnnualReturn",
            dependencies: [
                "CSVIngest", "CLibCrypto", "CLibXlsxWriter", "CXXHash", "CDeflateLevel", "CPrefetch", "Yams",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "annual-return",
            dependencies: [
                "AnnualReturn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The promises ingest and staging make for any input, checked in one place for the
        // fuzz target and for the regression tests over Fuzz/.
        .target(
            name: "IngestInvariants",
            dependencies: ["CSVIngest", "AnnualReturn"]
        ),
        // libFuzzer target over ingest and staging: `make fuzz` builds it with --sanitize=fuzzer.
        .executableTarget(
            name: "IngestFuzzer",
            dependencies: ["IngestInvariants"]
        ),
        // Temporary folders for the test targets, removed when the test process exits.
        .target(
            name: "TestScratch",
            path: "Tests/TestScratch"
        ),
        .testTarget(
            name: "CSVIngestTests",
            dependencies: [
                "CSVIngest",
                "TestScratch",
                "IngestInvariants",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AnnualReturnTests",
            dependencies: [
                "AnnualReturn",
                "TestScratch",
                // One test closes a workbook with libxlsxwriter alone, to see the deflate level
                // XLSXWorkbook sets is gone once its own workbook is closed.
                "CLibXlsxWriter",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["annual-return", "TestScratch"]
        ),
    ]
)
