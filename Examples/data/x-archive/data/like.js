window.YTD.like.part0 = [
  { "like" : { "tweetId" : "1750000000000000123", "fullText" : "@aniesbaswedan Ayo coblos 01, perubahan untuk semua!", "expandedUrl" : "https://twitter.com/i/web/status/1750000000000000123" } },
  { "like" : { "tweetId" : "1750000000000000456", "expandedUrl" : "https://twitter.com/i/web/status/1750000000000000456" } },
  { "like" : { "tweetId" : "1750000000000000789", "fullText" : "Prakiraan cuaca hari ini: cerah berawan", "expandedUrl" : "https://twitter.com/i/web/status/1750000000000000789" } }
]
