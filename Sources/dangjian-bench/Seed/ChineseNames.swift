/// Names for the generated district: people, streets, communities, resident units and the
/// texts of cases, in the forms the seed articles use.
enum ChineseNames {
    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎")
    static let givenNames = [
        "芳", "伟", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "平", "刚",
        "建国", "玉兰", "海燕", "志强", "桂英", "秀兰", "建华", "红梅", "丽", "晨", "浩", "宇", "欣怡", "子涵", "俊杰",
    ]
    static let placeWords = Array("振兴青檀文化建华光明锦绣东湖君山龙庭汇泉金桥鑫昌和平幸福新华团结胜利向阳长安永安民主人民解放红旗")
    static let residentUnitKinds = ["中学", "医院", "供电公司", "税务分局", "银行支行", "燃气公司", "派出所", "邮政支局", "建设集团", "小学"]
    static let caseCategories = ["乱搭建", "乱停车", "乱摆摊", "矛盾纠纷", "安全隐患", "环境卫生", "设施损坏", "其他"]
    static let caseSources = ["patrol", "resident", "hotline", "other"]
    static let departments = ["城管局", "住建局", "市场监管局", "生态环境局", "交通运输局", "水务局"]
    static let caseDetails = [
        "楼道堆放杂物，影响通行", "小区门口车辆乱停，堵塞消防通道", "路灯损坏，夜间照明不足", "邻里因漏水发生纠纷",
        "占道经营，早市摊位外溢", "绿化带被私自圈占种菜", "电动车楼道充电，存在火灾隐患", "垃圾清运不及时，异味明显",
        "井盖松动，行人易绊倒", "楼顶私搭彩钢房",
    ]

    /// A person's name, from an index (deterministic, varied).
    static func person(_ random: inout SeedRandom) -> String {
        String(random.pick(surnames)) + random.pick(givenNames)
    }

    /// A two-character place name for streets and communities.
    static func place(_ index: Int) -> String {
        let first = placeWords[index % placeWords.count]
        let second = placeWords[(index / placeWords.count + index * 7 + 3) % placeWords.count]
        return String(first) + String(second)
    }
}
