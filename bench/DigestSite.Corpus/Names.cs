namespace DigestSite.Corpus;

/// <summary>
/// Given and family names by naming tradition, with their accents as their owners write them. A lab
/// draws most members from one tradition, as labs do. Where the family name comes first in the
/// tradition, papers may print it either way (a planted name variant).
/// </summary>
public sealed record NameTradition(string Key, string[] Given, string[] Family, bool FamilyFirstAtHome)
{
    private static NameTradition Of(string key, string given, string family, bool familyFirst = false) =>
        new(key, given.Split(' '), family.Split(' '), familyFirst);

    public static readonly NameTradition[] All =
    [
        Of("chinese",
            "Wei Jing Hao Xin Yue Zhiwei Yifan Jiahui Xiaoyu Haoran Ming Lei Yang Tao Jun Li Qian Ruoxi Zihan Shuo Yuxuan Chen Bo Jie Lin Hui Kai Siyu Ziyang Mengdi",
            "Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng",
            familyFirst: true),
        Of("indian",
            "Arjun Priya Ravi Ananya Rohan Aditya Kavya Vikram Sneha Rahul Neha Siddharth Pooja Karthik Meera Amit Divya Nikhil Shreya Varun Ishaan Aishwarya Harsh Tanvi",
            "Kumar Sharma Singh Patel Gupta Reddy Iyer Nair Rao Mehta Chatterjee Banerjee Joshi Menon Krishnan Agarwal Bhatt Desai Pillai Mishra Verma Saxena Kapoor Chowdhury"),
        Of("japanese",
            "Yuki Haruto Sora Ren Aoi Takumi Kenji Naoki Hiroshi Akira Mei Hana Daiki Yui Shota Riko Kaito Emi",
            "Tanaka Sato Suzuki Takahashi Watanabe Ito Nakamura Kobayashi Yamamoto Kato Yoshida Yamada Sasaki Matsumoto Inoue Kimura Shimizu Ōta"),
        Of("korean",
            "Ji-woo Min-jun Seo-yeon Ji-hoon Hyun-woo Soo-jin Eun-ji Jae-won Dong-hyun Yeon-woo Ha-eun Sung-min Hye-jin Tae-yang",
            "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Shin Han Oh Seo Kwon",
            familyFirst: true),
        Of("german",
            "Jörg Jürgen Lukas Anna Felix Lena Maximilian Sophie Matthias Katharina Tobias Julia Sebastian Lea Florian Hannah Moritz Ulrike Günter Bärbel Jonas Franziska",
            "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Krüger Köhler Groß Jäger Böhm Hübner Förster"),
        Of("nordic",
            "Søren Åsa Øyvind Björn Ingrid Lars Sigrid Mikael Astrid Henrik Freja Jens Kirsten Ólafur Sigríður Magnús Elin Nils",
            "Larsen Lindqvist Nielsen Johansson Andersson Hansen Jørgensen Sørensen Bergström Åkesson Lund Eriksson Karlsson Nyström Halvorsen Jónsson Guðmundsdóttir Østergaard"),
        Of("french",
            "Hélène Émile Léa François Céline Jérôme Amélie Benoît Chloé Théo Inès Mathieu Camille Julien Élodie Rémi Zoë Gaëlle Jean-Pierre Marie-Claire Anne-Sophie Pierre-Louis",
            "Dubois Moreau Lefèvre Girard Bérenger Lemaître Rousseau Fournier Mercier Bonnet Faure Chevalier Gauthier Lambert Rivière Dupré Leclerc Blanchard Garnier Perrin"),
        Of("iberian",
            "José María Sofía Andrés Lucía Javier Camila Martín Valentina Sebastián Joaquín Inés Raúl Mónica Ángel Álvaro João Gonçalo Beatriz Tomás Luís Matías Ana Diego Pablo",
            "García Fernández Rodríguez Martínez López González Pérez Sánchez Ramírez Torres Núñez Jiménez Gómez Díaz Vázquez Álvarez Muñoz Silva Santos Gonçalves Araújo Conceição Costa Oliveira Sousa Ibáñez"),
        Of("slavic",
            "Łukasz Paweł Agnieszka Małgorzata Jakub Tomasz Zofia Ondřej Jiří Tereza Lucie Petr Ivan Dmitri Olga Natalia Sergei Anastasia Mikhail Ekaterina Marek Katarzyna Milan Dušan Jelena",
            "Nowak Kowalski Wiśniewski Wójcik Kamiński Lewandowski Zieliński Dvořák Novák Svoboda Černý Procházka Kučera Ivanov Petrov Smirnov Volkov Sokolov Ivanova Petrova Kuznetsova Horváth Kovačević Jovanović Petrović"),
        Of("turkish-persian-arabic",
            "Ayşe Mehmet Gökhan Elif Emre Zeynep Çağrı Şeyma Burak Özge Omar Fatima Leila Amir Yasmin Karim Reza Sara Hossein Nasrin Layla Tariq",
            "Yılmaz Çelik Şahin Demir Kaya Öztürk Aydın Arslan Doğan Haddad Khalil Nasser Rahimi Hosseini Mohammadi Karimi Ahmed Hassan Mansour Aziz"),
        Of("english-african",
            "James Emily Michael Sarah David Laura Daniel Rachel Thomas Olivia Noah Grace Samuel Chloe Benjamin Kofi Amara Chinedu Ngozi Tunde Wanjiru Thandiwe Sipho Abena Kwame",
            "Smith Johnson Brown Williams Taylor Wilson Davies Evans Thompson Walker O'Brien McAllister Okafor Adeyemi Mensah Okonkwo Mwangi Nkosi Boateng Abiodun Murphy Kelly Robinson Clarke"),
        Of("vietnamese",
            "Minh Anh Linh Hương Thảo Quang Dũng Trang Hải Tuấn Phương Khoa",
            "Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Ngô",
            familyFirst: true),
    ];

    /// <summary>
    /// Each accented letter of the names above and its plain form: a name written without accents is
    /// a name variant authors really produce (an ASCII-only submission system). An explicit table
    /// rather than Unicode decomposition, so the result does not depend on the runtime's Unicode data.
    /// </summary>
    private static readonly Dictionary<char, string> Plain = BuildPlain(
        "àáâãäåāạảấầẩẫậắằẳẵặ:a ÀÁÂÃÄÅĀẠẢẤẦẨẪẬẮẰẲẴẶ:A çćč:c ÇĆČ:C đð:d ĐÐ:D èéêëēěẹẻẽếềểễệ:e ÈÉÊËĒĚẸẺẼẾỀỂỄỆ:E ğ:g Ğ:G " +
        "ìíîïīıịỉĩ:i ÌÍÎÏĪİỊỈĨ:I ł:l Ł:L ñń:n ÑŃ:N òóôõöøōőơọỏốồổỗộớờởỡợ:o ÒÓÔÕÖØŌŐƠỌỎỐỒỔỖỘỚỜỞỠỢ:O ř:r Ř:R śšş:s ŚŠŞ:S ť:t Ť:T " +
        "ùúûüūůűưụủũứừửữự:u ÙÚÛÜŪŮŰƯỤỦŨỨỪỬỮỰ:U ýÿỳỷỹỵ:y ÝŸỲỶỸỴ:Y žźż:z ŽŹŻ:Z ß:ss");

    /// <summary>The name without accents ("Jörg Müller" -> "Jorg Muller"); null when there is none to drop.</summary>
    public static string? WithoutAccents(string name)
    {
        if (name.All(char.IsAscii)) return null;
        var sb = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsAscii(c)) sb.Append(c);
            else if (Plain.TryGetValue(c, out var plain)) sb.Append(plain);
            else throw new InvalidOperationException($"no plain form for '{c}' in {name}: add it to NameTradition.Plain");
        }
        return sb.ToString();
    }

    private static Dictionary<char, string> BuildPlain(string table)
    {
        var map = new Dictionary<char, string>();
        foreach (var group in table.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (letters, plain) = (group[..group.LastIndexOf(':')], group[(group.LastIndexOf(':') + 1)..]);
            foreach (char c in letters) map[c] = plain;
        }
        return map;
    }
}
