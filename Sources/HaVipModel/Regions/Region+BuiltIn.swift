// Built-in catalogue of the public Alibaba Cloud regions and their zones.
//
// Sources: the Alibaba Cloud ECS documentation page "地域可用区选择指南与支持列表"
// (help.aliyun.com, regions-and-zones; zone IDs and console-style zone names), cross-checked
// against the ECI "Regions and zones supported by ECI" page (Dec 2025), the Security Center
// image-scan zone table, and the VPC documentation's English region names (2026).
// Nanjing and Fuzhou are local regions being decommissioned (关停中) but are still listed.

extension Region {
    /// The public Alibaba Cloud regions and zones (as of 2026, per the ECS regions-and-zones documentation),
    /// in the order the console and documentation list them: the Chinese mainland north to south, then
    /// China (Hong Kong), Asia Pacific, Europe and Americas, Middle East and Mexico.
    public static let builtIn: [Region] = [
        Region(id: "cn-qingdao", chineseName: "华北1（青岛）", englishName: "China (Qingdao)", zones: [
            Zone(id: "cn-qingdao-b", chineseName: "青岛 可用区B", englishName: "Qingdao Zone B"),
            Zone(id: "cn-qingdao-c", chineseName: "青岛 可用区C", englishName: "Qingdao Zone C"),
        ]),
        Region(id: "cn-beijing", chineseName: "华北2（北京）", englishName: "China (Beijing)", zones: [
            Zone(id: "cn-beijing-a", chineseName: "北京 可用区A", englishName: "Beijing Zone A"),
            Zone(id: "cn-beijing-b", chineseName: "北京 可用区B", englishName: "Beijing Zone B"),
            Zone(id: "cn-beijing-c", chineseName: "北京 可用区C", englishName: "Beijing Zone C"),
            Zone(id: "cn-beijing-d", chineseName: "北京 可用区D", englishName: "Beijing Zone D"),
            Zone(id: "cn-beijing-e", chineseName: "北京 可用区E", englishName: "Beijing Zone E"),
            Zone(id: "cn-beijing-f", chineseName: "北京 可用区F", englishName: "Beijing Zone F"),
            Zone(id: "cn-beijing-g", chineseName: "北京 可用区G", englishName: "Beijing Zone G"),
            Zone(id: "cn-beijing-h", chineseName: "北京 可用区H", englishName: "Beijing Zone H"),
            Zone(id: "cn-beijing-i", chineseName: "北京 可用区I", englishName: "Beijing Zone I"),
            Zone(id: "cn-beijing-j", chineseName: "北京 可用区J", englishName: "Beijing Zone J"),
            Zone(id: "cn-beijing-k", chineseName: "北京 可用区K", englishName: "Beijing Zone K"),
            Zone(id: "cn-beijing-l", chineseName: "北京 可用区L", englishName: "Beijing Zone L"),
        ]),
        Region(id: "cn-zhangjiakou", chineseName: "华北3（张家口）", englishName: "China (Zhangjiakou)", zones: [
            Zone(id: "cn-zhangjiakou-a", chineseName: "张家口 可用区A", englishName: "Zhangjiakou Zone A"),
            Zone(id: "cn-zhangjiakou-b", chineseName: "张家口 可用区B", englishName: "Zhangjiakou Zone B"),
            Zone(id: "cn-zhangjiakou-c", chineseName: "张家口 可用区C", englishName: "Zhangjiakou Zone C"),
        ]),
        Region(id: "cn-huhehaote", chineseName: "华北5（呼和浩特）", englishName: "China (Hohhot)", zones: [
            Zone(id: "cn-huhehaote-a", chineseName: "呼和浩特 可用区A", englishName: "Hohhot Zone A"),
            Zone(id: "cn-huhehaote-b", chineseName: "呼和浩特 可用区B", englishName: "Hohhot Zone B"),
        ]),
        Region(id: "cn-wulanchabu", chineseName: "华北6（乌兰察布）", englishName: "China (Ulanqab)", zones: [
            Zone(id: "cn-wulanchabu-a", chineseName: "乌兰察布 可用区A", englishName: "Ulanqab Zone A"),
            Zone(id: "cn-wulanchabu-b", chineseName: "乌兰察布 可用区B", englishName: "Ulanqab Zone B"),
            Zone(id: "cn-wulanchabu-c", chineseName: "乌兰察布 可用区C", englishName: "Ulanqab Zone C"),
        ]),
        Region(id: "cn-hangzhou", chineseName: "华东1（杭州）", englishName: "China (Hangzhou)", zones: [
            Zone(id: "cn-hangzhou-b", chineseName: "杭州 可用区B", englishName: "Hangzhou Zone B"),
            Zone(id: "cn-hangzhou-e", chineseName: "杭州 可用区E", englishName: "Hangzhou Zone E"),
            Zone(id: "cn-hangzhou-f", chineseName: "杭州 可用区F", englishName: "Hangzhou Zone F"),
            Zone(id: "cn-hangzhou-g", chineseName: "杭州 可用区G", englishName: "Hangzhou Zone G"),
            Zone(id: "cn-hangzhou-h", chineseName: "杭州 可用区H", englishName: "Hangzhou Zone H"),
            Zone(id: "cn-hangzhou-i", chineseName: "杭州 可用区I", englishName: "Hangzhou Zone I"),
            Zone(id: "cn-hangzhou-j", chineseName: "杭州 可用区J", englishName: "Hangzhou Zone J"),
            Zone(id: "cn-hangzhou-k", chineseName: "杭州 可用区K", englishName: "Hangzhou Zone K"),
        ]),
        Region(id: "cn-shanghai", chineseName: "华东2（上海）", englishName: "China (Shanghai)", zones: [
            Zone(id: "cn-shanghai-a", chineseName: "上海 可用区A", englishName: "Shanghai Zone A"),
            Zone(id: "cn-shanghai-b", chineseName: "上海 可用区B", englishName: "Shanghai Zone B"),
            Zone(id: "cn-shanghai-c", chineseName: "上海 可用区C", englishName: "Shanghai Zone C"),
            Zone(id: "cn-shanghai-d", chineseName: "上海 可用区D", englishName: "Shanghai Zone D"),
            Zone(id: "cn-shanghai-e", chineseName: "上海 可用区E", englishName: "Shanghai Zone E"),
            Zone(id: "cn-shanghai-f", chineseName: "上海 可用区F", englishName: "Shanghai Zone F"),
            Zone(id: "cn-shanghai-g", chineseName: "上海 可用区G", englishName: "Shanghai Zone G"),
            Zone(id: "cn-shanghai-k", chineseName: "上海 可用区K", englishName: "Shanghai Zone K"),
            Zone(id: "cn-shanghai-l", chineseName: "上海 可用区L", englishName: "Shanghai Zone L"),
            Zone(id: "cn-shanghai-m", chineseName: "上海 可用区M", englishName: "Shanghai Zone M"),
            Zone(id: "cn-shanghai-n", chineseName: "上海 可用区N", englishName: "Shanghai Zone N"),
            Zone(id: "cn-shanghai-o", chineseName: "上海 可用区O", englishName: "Shanghai Zone O"),
        ]),
        Region(id: "cn-nanjing", chineseName: "华东5（南京-本地地域-关停中）", englishName: "China (Nanjing - Local Region - Decommissioning)", zones: [
            Zone(id: "cn-nanjing-a", chineseName: "南京-本地地域 可用区A", englishName: "Nanjing - Local Region Zone A"),
        ]),
        Region(id: "cn-fuzhou", chineseName: "华东6（福州-本地地域-关停中）", englishName: "China (Fuzhou - Local Region - Decommissioning)", zones: [
            Zone(id: "cn-fuzhou-a", chineseName: "福州-本地地域 可用区A", englishName: "Fuzhou - Local Region Zone A"),
        ]),
        Region(id: "cn-wuhan-lr", chineseName: "华中1（武汉-本地地域）", englishName: "China (Wuhan - Local Region)", zones: [
            Zone(id: "cn-wuhan-lr-a", chineseName: "武汉-本地地域 可用区A", englishName: "Wuhan - Local Region Zone A"),
        ]),
        Region(id: "cn-shenzhen", chineseName: "华南1（深圳）", englishName: "China (Shenzhen)", zones: [
            Zone(id: "cn-shenzhen-a", chineseName: "深圳 可用区A", englishName: "Shenzhen Zone A"),
            Zone(id: "cn-shenzhen-b", chineseName: "深圳 可用区B", englishName: "Shenzhen Zone B"),
            Zone(id: "cn-shenzhen-c", chineseName: "深圳 可用区C", englishName: "Shenzhen Zone C"),
            Zone(id: "cn-shenzhen-d", chineseName: "深圳 可用区D", englishName: "Shenzhen Zone D"),
            Zone(id: "cn-shenzhen-e", chineseName: "深圳 可用区E", englishName: "Shenzhen Zone E"),
            Zone(id: "cn-shenzhen-f", chineseName: "深圳 可用区F", englishName: "Shenzhen Zone F"),
        ]),
        Region(id: "cn-heyuan", chineseName: "华南2（河源）", englishName: "China (Heyuan)", zones: [
            Zone(id: "cn-heyuan-a", chineseName: "河源 可用区A", englishName: "Heyuan Zone A"),
            Zone(id: "cn-heyuan-b", chineseName: "河源 可用区B", englishName: "Heyuan Zone B"),
        ]),
        Region(id: "cn-guangzhou", chineseName: "华南3（广州）", englishName: "China (Guangzhou)", zones: [
            Zone(id: "cn-guangzhou-a", chineseName: "广州 可用区A", englishName: "Guangzhou Zone A"),
            Zone(id: "cn-guangzhou-b", chineseName: "广州 可用区B", englishName: "Guangzhou Zone B"),
        ]),
        Region(id: "cn-chengdu", chineseName: "西南1（成都）", englishName: "China (Chengdu)", zones: [
            Zone(id: "cn-chengdu-a", chineseName: "成都 可用区A", englishName: "Chengdu Zone A"),
            Zone(id: "cn-chengdu-b", chineseName: "成都 可用区B", englishName: "Chengdu Zone B"),
        ]),
        Region(id: "cn-hongkong", chineseName: "中国香港", englishName: "China (Hong Kong)", zones: [
            Zone(id: "cn-hongkong-b", chineseName: "香港 可用区B", englishName: "Hong Kong Zone B"),
            Zone(id: "cn-hongkong-c", chineseName: "香港 可用区C", englishName: "Hong Kong Zone C"),
            Zone(id: "cn-hongkong-d", chineseName: "香港 可用区D", englishName: "Hong Kong Zone D"),
        ]),
        Region(id: "ap-southeast-1", chineseName: "新加坡", englishName: "Singapore", zones: [
            Zone(id: "ap-southeast-1a", chineseName: "新加坡 可用区A", englishName: "Singapore Zone A"),
            Zone(id: "ap-southeast-1b", chineseName: "新加坡 可用区B", englishName: "Singapore Zone B"),
            Zone(id: "ap-southeast-1c", chineseName: "新加坡 可用区C", englishName: "Singapore Zone C"),
        ]),
        Region(id: "ap-southeast-3", chineseName: "马来西亚（吉隆坡）", englishName: "Malaysia (Kuala Lumpur)", zones: [
            Zone(id: "ap-southeast-3a", chineseName: "吉隆坡 可用区A", englishName: "Kuala Lumpur Zone A"),
            Zone(id: "ap-southeast-3b", chineseName: "吉隆坡 可用区B", englishName: "Kuala Lumpur Zone B"),
            Zone(id: "ap-southeast-3c", chineseName: "吉隆坡 可用区C", englishName: "Kuala Lumpur Zone C"),
        ]),
        Region(id: "ap-southeast-5", chineseName: "印度尼西亚（雅加达）", englishName: "Indonesia (Jakarta)", zones: [
            Zone(id: "ap-southeast-5a", chineseName: "雅加达 可用区A", englishName: "Jakarta Zone A"),
            Zone(id: "ap-southeast-5b", chineseName: "雅加达 可用区B", englishName: "Jakarta Zone B"),
            Zone(id: "ap-southeast-5c", chineseName: "雅加达 可用区C", englishName: "Jakarta Zone C"),
        ]),
        Region(id: "ap-southeast-6", chineseName: "菲律宾（马尼拉）", englishName: "Philippines (Manila)", zones: [
            Zone(id: "ap-southeast-6a", chineseName: "马尼拉 可用区A", englishName: "Manila Zone A"),
            Zone(id: "ap-southeast-6b", chineseName: "马尼拉 可用区B", englishName: "Manila Zone B"),
        ]),
        Region(id: "ap-southeast-7", chineseName: "泰国（曼谷）", englishName: "Thailand (Bangkok)", zones: [
            Zone(id: "ap-southeast-7a", chineseName: "曼谷 可用区A", englishName: "Bangkok Zone A"),
            Zone(id: "ap-southeast-7b", chineseName: "曼谷 可用区B", englishName: "Bangkok Zone B"),
        ]),
        Region(id: "ap-northeast-1", chineseName: "日本（东京）", englishName: "Japan (Tokyo)", zones: [
            Zone(id: "ap-northeast-1a", chineseName: "东京 可用区A", englishName: "Tokyo Zone A"),
            Zone(id: "ap-northeast-1b", chineseName: "东京 可用区B", englishName: "Tokyo Zone B"),
            Zone(id: "ap-northeast-1c", chineseName: "东京 可用区C", englishName: "Tokyo Zone C"),
        ]),
        Region(id: "ap-northeast-2", chineseName: "韩国（首尔）", englishName: "South Korea (Seoul)", zones: [
            Zone(id: "ap-northeast-2a", chineseName: "首尔 可用区A", englishName: "Seoul Zone A"),
            Zone(id: "ap-northeast-2b", chineseName: "首尔 可用区B", englishName: "Seoul Zone B"),
        ]),
        Region(id: "us-west-1", chineseName: "美国（硅谷）", englishName: "US (Silicon Valley)", zones: [
            Zone(id: "us-west-1a", chineseName: "硅谷 可用区A", englishName: "Silicon Valley Zone A"),
            Zone(id: "us-west-1b", chineseName: "硅谷 可用区B", englishName: "Silicon Valley Zone B"),
        ]),
        Region(id: "us-east-1", chineseName: "美国（弗吉尼亚）", englishName: "US (Virginia)", zones: [
            Zone(id: "us-east-1a", chineseName: "弗吉尼亚 可用区A", englishName: "Virginia Zone A"),
            Zone(id: "us-east-1b", chineseName: "弗吉尼亚 可用区B", englishName: "Virginia Zone B"),
        ]),
        Region(id: "eu-central-1", chineseName: "德国（法兰克福）", englishName: "Germany (Frankfurt)", zones: [
            Zone(id: "eu-central-1a", chineseName: "法兰克福 可用区A", englishName: "Frankfurt Zone A"),
            Zone(id: "eu-central-1b", chineseName: "法兰克福 可用区B", englishName: "Frankfurt Zone B"),
            Zone(id: "eu-central-1c", chineseName: "法兰克福 可用区C", englishName: "Frankfurt Zone C"),
        ]),
        Region(id: "eu-west-1", chineseName: "英国（伦敦）", englishName: "UK (London)", zones: [
            Zone(id: "eu-west-1a", chineseName: "伦敦 可用区A", englishName: "London Zone A"),
            Zone(id: "eu-west-1b", chineseName: "伦敦 可用区B", englishName: "London Zone B"),
        ]),
        Region(id: "me-east-1", chineseName: "阿联酋（迪拜）", englishName: "UAE (Dubai)", zones: [
            Zone(id: "me-east-1a", chineseName: "迪拜 可用区A", englishName: "Dubai Zone A"),
            Zone(id: "me-east-1b", chineseName: "迪拜 可用区B", englishName: "Dubai Zone B"),
        ]),
        Region(id: "me-central-1", chineseName: "沙特（利雅得）- 合作伙伴运营", englishName: "SAU (Riyadh - Partner Region)", zones: [
            Zone(id: "me-central-1a", chineseName: "利雅得 可用区A", englishName: "Riyadh Zone A"),
            Zone(id: "me-central-1b", chineseName: "利雅得 可用区B", englishName: "Riyadh Zone B"),
        ]),
        Region(id: "na-south-1", chineseName: "墨西哥", englishName: "Mexico", zones: [
            Zone(id: "na-south-1a", chineseName: "墨西哥 可用区A", englishName: "Mexico Zone A"),
        ]),
    ]
}
