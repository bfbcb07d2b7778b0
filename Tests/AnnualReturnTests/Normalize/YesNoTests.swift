import Testing
@testable import AnnualReturn

struct YesNoTests {
    @Test(arguments: [
        "是", "Y", "y", "Yes", "yes", "YES", "1", "√", "✓", "✔", "有", "true", "TRUE", "True",
        "Ｙ", "ＹＥＳ", "ｙｅｓ", "１", " 是 ", "\u{3000}是\u{3000}", "是\r\n",
    ])
    func yesForms(text: String) {
        #expect(YesNo.parse(text) == true)
    }

    @Test(arguments: [
        "否", "N", "n", "No", "no", "NO", "0", "×", "✗", "无", "false", "FALSE", "",
        " ", "\u{3000}", "\t", "Ｎ", "０", " 否 ",
    ])
    func noForms(text: String) {
        #expect(YesNo.parse(text) == false)
    }

    @Test(arguments: ["是的", "不是", "x", "X", "2", "-1", "ok", "yes!", "y es", "未", "听证", "是否", "10"])
    func unknownValuesAreNil(text: String) {
        #expect(YesNo.parse(text) == nil)
    }
}
