window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "retweeted" : false,
      "entities" : { "hashtags" : [ { "text" : "Pilpres2024", "indices" : [ "40", "52" ] } ], "symbols" : [ ], "user_mentions" : [ ], "urls" : [ ] },
      "id_str" : "1755000000000000001",
      "id" : "1755000000000000001",
      "created_at" : "Tue Feb 06 01:10:00 +0000 2024",
      "favorite_count" : "3",
      "full_text" : "Yuk datang ke kampanye akbar 02 hari Sabtu &amp; ramaikan! #Pilpres2024",
      "lang" : "in"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "entities" : { "hashtags" : [ ], "symbols" : [ ], "user_mentions" : [ { "name" : "Akun Relawan", "screen_name" : "relawan_contoh", "indices" : [ "3", "18" ], "id_str" : "111", "id" : "111" } ], "urls" : [ ] },
      "id_str" : "1755000000000000002",
      "created_at" : "Tue Feb 06 02:00:00 +0000 2024",
      "full_text" : "RT @relawan_contoh: Salam dua jari! Menang satu putaran, jangan lupa coblos 02 tanggal 14 Februari…",
      "lang" : "in"
    }
  },
  {
    "tweet" : {
      "id_str" : "1755000000000000003",
      "created_at" : "Wed Feb 07 03:00:00 +0000 2024",
      "in_reply_to_screen_name" : "teman_kantor",
      "full_text" : "@teman_kantor siap, laporan keuangan saya kirim sore ini",
      "lang" : "in"
    }
  },
  { "tweet" : { "created_at" : "Wed Feb 07 04:00:00 +0000 2024", "full_text" : "tweet tanpa id" } }
]
