// A small database for `pressmine serve` tests: paired Russian and English releases, a release
// with two versions, enough releases on one topic to page, and a hostile release whose title,
// text and URL try to run script in the page.
#ifndef PRESSMINE_TESTS_TOOLS_SERVE_FIXTURE_H_
#define PRESSMINE_TESTS_TOOLS_SERVE_FIXTURE_H_

#include <gtest/gtest.h>

#include <string>

#include "index/document_store.h"

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

// Builds the fixture at `path` (a new file). Fails the calling test on any error.
inline void BuildServeFixture(const std::string& path) {
  auto db = Database::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto store = index::DocumentStore::Open(*db);
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
    auto r = store->Put(d, seen);
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
}

}  // namespace pressmine::tools

#endif  // PRESSMINE_TESTS_TOOLS_SERVE_FIXTURE_H_
