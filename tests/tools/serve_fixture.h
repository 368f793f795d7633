// A small database for `pressmine serve` tests: paired Russian and English releases, a release
// with two versions, enough releases on one topic to page, a hostile release whose title,
// text and URL try to run script in the page, and releases reporting maternal mortality over
// several years with a dated plan. Indexed as `ingest` indexes (DocumentIndexer), so the facts
// and the story links between languages are stored too.
#ifndef PRESSMINE_TESTS_TOOLS_SERVE_FIXTURE_H_
#define PRESSMINE_TESTS_TOOLS_SERVE_FIXTURE_H_

#include <gtest/gtest.h>

#include <string>

#include "tools/document_indexer.h"

namespace pressmine::tools {

// The hostile release's pieces, so tests can look for them as text.
inline constexpr const char* kHostileTitle =
    "<script>document.body.setAttribute('data-pwned','title')</script> Вакцинация против кори";
inline constexpr const char* kHostileText =
    "Кампания вакцинации продолжается \"><img src=x "
    "onerror=\"document.body.setAttribute('data-pwned','text')\"> во всех районах.\n\n"
    "Прививки получили 12 000 детей.";
inline constexpr const char* kHostileUrl =
    "javascript:document.body.setAttribute('data-pwned','url')";
// Releases about "диспансеризация", more than one page of ten.
inline constexpr int kCheckupReleases = 13;
// The official of the maternal-health releases, and the maternal mortality values they report
// (per 100,000 live births) by period.
inline constexpr const char* kPerinatalOfficial = "Темирбек Эркинов";
inline constexpr int kMaternalPeriods = 3;  // 2023, 2024, 2025

// Builds the fixture at `path` (a new file). Fails the calling test on any error.
inline void BuildServeFixture(const std::string& path) {
  auto db = Database::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto store = DocumentIndexer::Open(*db);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto put = [&](Language lang, std::string source, std::string url, std::string published,
                 std::string title, std::string text, const char* seen = "2026-02-01T10:00:00Z") {
    index::DocumentRecord d;
    d.lang = lang;
    d.source = std::move(source);
    d.url = std::move(url);
    d.published = std::move(published);
    d.title = std::move(title);
    d.text = std::move(text);
    auto r = store->Index(d, seen);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  };
  put(Language::kRussian, "kg-health", "https://med.kg/ru/news/101", "2026-01-26",
      "Минздрав работает над репатриацией медицинских кадров",
      "В Министерстве здравоохранения состоялась онлайн-встреча с кыргызскими специалистами, "
      "работающими за рубежом.\n\nВстречу провел заместитель министра Бакытбек Кадыралиев.");
  put(Language::kEnglish, "kg-health", "https://med.kg/en/news/101", "2026-01-26",
      "The Ministry of Health works on bringing medical staff home",
      "The Ministry of Health held an online meeting with Kyrgyz specialists working abroad.\n\n"
      "It was chaired by Deputy Minister Bakytbek Kadyraliev.");
  put(Language::kEnglish, "kz-health", "https://gov.kz/en/news/7", "2025-11-04",
      "Deputy Minister Kadyraliev visited Almaty clinics",
      "Kadyraliev discussed staffing of rural clinics with regional health departments.");
  put(Language::kRussian, "kz-health", "https://gov.kz/ru/news/8", "2025-11-05",
      "Итоги коллегии министерства", "Коллегия прошла под председательством министра.");
  // Two versions of one release: the ministry corrected a figure.
  put(Language::kRussian, "ru-health", "https://minzdrav.gov.ru/news/55", "2026-01-10",
      "Построено 40 фельдшерско-акушерских пунктов", "В 2025 году построено 40 ФАПов.",
      "2026-01-10T08:00:00Z");
  put(Language::kRussian, "ru-health", "https://minzdrav.gov.ru/news/55", "2026-01-10",
      "Построено 42 фельдшерско-акушерских пункта", "В 2025 году построено 42 ФАПа.",
      "2026-01-11T08:00:00Z");
  for (int i = 1; i <= kCheckupReleases; ++i) {
    put(Language::kRussian, "kg-health", "https://med.kg/ru/news/" + std::to_string(200 + i),
        "2025-10-" + std::string(i < 10 ? "0" : "") + std::to_string(i),
        "Диспансеризация в районе № " + std::to_string(i),
        "Диспансеризацию прошли жители района № " + std::to_string(i) + ".");
  }
  put(Language::kRussian, "kg-health", kHostileUrl, "2026-01-20", kHostileTitle, kHostileText);
  put(Language::kRussian, "kg-health", "https://med.kg/ru/news/301", "2026-03-02",
      "В Джалал-Абаде открыли перинатальный центр",
      "Центр открыл заместитель министра здравоохранения Темирбек Эркинов.\n\n"
      "По итогам 2025 года материнская смертность составила 34,8 на 100 тысяч живорожденных.\n\n"
      "В 2027 году планируется открыть еще два перинатальных центра.");
  put(Language::kEnglish, "kg-health", "https://med.kg/en/news/301", "2026-03-02",
      "A perinatal center has opened in Jalal-Abad",
      "The center was opened by Deputy Minister of Health Temirbek Erkinov.\n\n"
      "In 2025 maternal mortality amounted to 34.8 per 100,000 live births.\n\n"
      "In 2027 the ministry plans to open two more perinatal centers.");
  put(Language::kEnglish, "kg-health", "https://med.kg/en/news/250", "2025-06-10",
      "Maternal health results of 2024",
      "The ministry reported that maternal mortality amounted to 41.2 per 100,000 live births "
      "in 2024.");
  put(Language::kRussian, "kg-health", "https://med.kg/ru/news/180", "2024-04-15",
      "Итоги работы службы родовспоможения",
      "В 2023 году материнская смертность составила 45,1 на 100 тысяч живорожденных.");
}

}  // namespace pressmine::tools

#endif  // PRESSMINE_TESTS_TOOLS_SERVE_FIXTURE_H_
