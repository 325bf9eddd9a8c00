import Foundation
import Netral

/// SplitMix64: a small, fast, deterministic generator, so every run sees the same corpus.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
}

/// A deterministic corpus of realistic posts: everyday Indonesian social-media text with emoji,
/// slang and numbers, about one in six touching the elections (support, news, socialisation,
/// attacks), every action kind, 60–600 bytes of text.
enum Corpus {
    static let everyday = """
    selamat pagi semua hari ini cuaca cerah alhamdulillah kerja dulu ya semangat senin rapat dinas jam delapan \
    laporan keuangan sudah dikirim makan siang bareng teman kantor nasi goreng enak banget macet parah di jalan \
    anak sekolah libur besok jangan lupa bawa payung hujan deras sore ini terima kasih bapak ibu semoga sehat \
    selalu lembur lagi malam ini capek tapi bahagia arisan RT minggu depan kerja bakti bersih bersih selokan \
    pengajian rutin malam jumat undangan pernikahan sepupu di bandung oleh oleh khas daerah kopi susu gula aren \
    harga cabai naik lagi di pasar tradisional posyandu balita bulan ini vaksinasi lansia puskesmas kecamatan \
    pelatihan kepegawaian online absen pagi jangan telat upacara hari senin seragam korpri anggaran kegiatan \
    sosialisasi program desa jalan rusak tolong diperbaiki lampu jalan mati pelayanan publik makin baik \
    mohon doa restu ujian anak besok juara lomba mewarnai tim futsal kantor menang lagi nonton bola bareng
    """.split(separator: " ").map(String.init)

    static let emoji = ["😂", "🙏", "🔥", "❤️", "👍", "✌️", "☝️", "🤟", "😍", "🇮🇩", "💪", "👨‍👩‍👧", "😅", "🥰"]
    static let hashtags = ["#semangatpagi", "#kerjakeras", "#infoRT", "#kulinerenak", "#Pemilu2024", "#PilkadaDamai", "#jumatberkah"]

    static let political: [String] = [
        "ayo coblos 02 tanggal 14 februari", "saya dukung Pak Anies sampai menang", "Ganjar Mahfud pemimpin terbaik",
        "jangan pilih 02 ingat dinasti", "#PrabowoGibran2024 lanjutkan", "salam dua jari ✌️ coblos 02",
        "ASN dilarang like dan share postingan capres jaga netralitas", "jadwal debat capres 01 02 03 malam ini",
        "menurut survei elektabilitas Prabowo naik", "ayo ke TPS jangan golput gunakan hak pilih",
        "foto bareng Pak Ganjar tadi di acara", "pakai kaos relawan 01 ke pasar", "pasang baliho paslon 2 depan rumah",
        "mantap bu Khofifah lanjutkan", "Jakarta Menyala bersama Pram-Doel nomor 3", "rekan2 guru wajib all in 01",
        "Bawaslu temukan ASN tidak netral di kecamatan", "mohon dukungan untuk suami saya caleg dapil 3",
        "pr4b0w0 g1br4n satu putaran", "G A N J A R presiden", "Airin pantas jadi gubernur banten",
    ]

    static func post(_ i: Int, _ rng: inout SplitMix64) -> Post {
        let actions: [(Action, Int)] = [(.post, 55), (.comment, 15), (.reply, 5), (.share, 10), (.like, 10), (.follow, 3), (.checkin, 2)]
        var roll = rng.int(100)
        var action = Action.post
        for (a, w) in actions { if roll < w { action = a; break }; roll -= w }
        let target = 60 + rng.int(541)
        var text = ""
        let isPolitical = rng.chance(0.16)
        while text.utf8.count < target {
            if !text.isEmpty { text += " " }
            switch rng.int(20) {
            case 0: text += rng.pick(emoji)
            case 1: text += rng.pick(hashtags)
            case 2: text += String(rng.int(100))
            default: text += rng.pick(everyday)
            }
            if isPolitical && rng.chance(0.08) { text += " " + rng.pick(political) }
        }
        if isPolitical && !text.contains(where: { $0 == "#" }) { text += " " + rng.pick(political) }
        var post = Post(id: "b\(i)", platform: rng.pick([.x, .facebook, .instagram, .tiktok, .whatsapp]), action: action,
                        author: "user\(rng.int(50_000))", createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(rng.int(40_000_000))))
        switch action {
        case .like, .follow:
            post.target = Post.Target(author: rng.chance(0.1) ? rng.pick(["@gibran_tweet", "@aniesbaswedan", "@ganjarpranowo"]) : "@akun\(rng.int(9999))",
                                      text: String(text.prefix(200)))
        case .share:
            post.target = Post.Target(author: "@akun\(rng.int(9999))", text: text)
            post.text = rng.chance(0.5) ? "" : String(text.prefix(80))
        case .comment, .reply:
            post.text = text
            post.target = Post.Target(author: "@akun\(rng.int(9999))", text: rng.pick(everyday))
        case .checkin:
            post.text = text
            post.location = rng.chance(0.1) ? "Kampanye Akbar GBK" : "Warung Kopi \(rng.int(100))"
        case .post:
            post.text = text
            if rng.chance(0.2) { post.media = [Post.Media(caption: String(text.prefix(60)), alt: "foto bersama keluarga")] }
        }
        return post
    }

    /// `count` posts and their JSON Lines serialisation.
    static func make(count: Int, seed: UInt64 = 42) -> (posts: [Post], jsonl: Data) {
        var rng = SplitMix64(state: seed)
        var posts: [Post] = []
        posts.reserveCapacity(count)
        var data = Data()
        data.reserveCapacity(count * 420)
        for i in 0..<count {
            let post = post(i, &rng)
            posts.append(post)
            data.append(contentsOf: ResultJSON.line(post.jsonObject).utf8)
            data.append(10)
        }
        return (posts, data)
    }
}
