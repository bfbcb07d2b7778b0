extension EnterpriseIdentities {
    /// How one record's enterprise was identified, in Chinese.
    static func describe(_ basis: Basis) -> String {
        switch basis {
        case .creditCode(let code):
            return "信用代码 \(code)"
        case .nameJoined(let name, let code):
            return "无信用代码，名称「\(name)」在检查记录中只对应信用代码 \(code)，归入该企业"
        case .name(let name, let codes):
            return codes == 0
                ? "无信用代码，按名称「\(name)」识别"
                : "无信用代码，名称「\(name)」在检查记录中对应 \(codes) 个信用代码，不能归并，按名称单独识别"
        }
    }
}
