# Writes a penalty-like CSV of about TARGET_MB megabytes: Chinese text, quoted commas and a
# quoted newline in every twentieth row, deterministic (no randomness).
BEGIN {
    target = TARGET_MB * 1024 * 1024
    print "案件编号,处罚决定书文号,处罚决定日期,当事人,当事人类型,统一社会信用代码,行业领域,处罚种类,罚款金额(元),没收金额(元),程序类型,案件来源,是否听证,是否法制审核,公示日期,结案日期,执法单位,备注"
    split("危险化学品 非煤矿山 烟花爆竹 冶金 有色 建材 机械 轻工 纺织 烟草 商贸 其他", industries, " ")
    split("罚款 警告、罚款 罚款+责令停产停业 警告 没收违法所得、罚款", types, " ")
    bytes = 0
    for (i = 1; bytes < target; i++) {
        month = (i % 12) + 1; day = (i % 28) + 1
        note = (i % 20 == 0) ? "\"现场检查发现问题\n已责令限期整改\"" : "已结案"
        line = sprintf("CF-2022-%07d,\"示例应急罚〔2022〕%d号\",2022-%02d-%02d,示例%d化工有限公司,单位,91350100M000100Y43,%s,%s,\"%d,%03d.00\",,普通程序,日常监管,否,是,2022-%02d-%02d,2022-%02d-%02d,执法一大队,%s",
            i, i, month, day, i % 900, industries[(i % 12) + 1], types[(i % 5) + 1], (i % 300) + 2, i % 1000, month, day, month, day, note)
        print line
        bytes += length(line) + 1
    }
}
