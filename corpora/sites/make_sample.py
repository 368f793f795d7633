#!/usr/bin/env python3
"""Writes corpora/sites/sample/: a small ministry-of-health style news site for crawler tests.

The site uses root-relative URLs everywhere (links, sitemap <loc>, feed <link>, robots.txt
Sitemap line) so that it can be served on any port. Run from this directory:
    python3 make_sample.py
The texts are written for this fixture in the style of press releases; they are not real news.
"""
import gzip
import os
import shutil

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sample")

RU = [
    (1001, "2026-01-05", "Минздрав подвёл итоги вакцинации против гриппа",
     ["По данным Министерства здравоохранения, в эпидемический сезон 2025–2026 годов против гриппа привито 412 тысяч человек, в том числе 96 тысяч медицинских работников.",
      "В ведомстве отметили, что охват групп риска вырос на 7 процентов по сравнению с прошлым сезоном. Вакцинация продолжается в центрах семейной медицины по месту жительства."]),
    (1002, "2026-01-08", "В Нарынской области открыт новый фельдшерско-акушерский пункт",
     ["В селе Ак-Талаа состоялось открытие фельдшерско-акушерского пункта, построенного за счёт республиканского бюджета. Стоимость работ составила 18,4 млн сомов.",
      "Пункт будет обслуживать более 2,5 тысячи жителей трёх сёл. Здание оснащено кабинетом приёма, процедурной и комнатой для экстренных родов."]),
    (1003, "2026-01-10", "Заместитель министра провёл рабочую встречу с представителями ВОЗ",
     ["Заместитель министра здравоохранения встретился с делегацией Всемирной организации здравоохранения. Стороны обсудили подготовку национальной программы по борьбе с туберкулёзом на 2026–2030 годы.",
      "По итогам встречи достигнута договорённость о проведении совместного обучения для 120 фтизиатров до конца первого квартала."]),
    (1004, "2026-01-12", "Стартовала кампания по профилактике кори",
     ["Министерство здравоохранения напоминает родителям о необходимости своевременной вакцинации детей против кори. С начала года зарегистрировано 14 случаев заболевания.",
      "Прививки проводятся бесплатно во всех организациях первичной медико-санитарной помощи."]),
    (1005, "2026-01-14", "Утверждён порядок выдачи электронных рецептов",
     ["Приказом министра утверждён порядок выписки и отпуска лекарственных средств по электронным рецептам. Переход на новую систему завершится до 1 июля 2026 года.",
      "Пилотный проект уже реализован в 46 аптеках Бишкека и Оша."]),
    (1006, "2026-01-16", "Врачи из-за рубежа провели мастер-классы для кардиохирургов",
     ["В Национальном центре кардиологии и терапии прошли мастер-классы хирургов из Германии и Турции. Проведено 11 операций на открытом сердце.",
      "В министерстве подчеркнули, что обмен опытом станет регулярным."]),
    (1007, "2026-01-19", "Минздрав предупреждает о росте числа случаев ОРВИ",
     ["За последнюю неделю число обращений по поводу острых респираторных вирусных инфекций выросло на 18 процентов. Наибольший рост отмечается среди детей до 14 лет.",
      "Ведомство рекомендует избегать мест массового скопления людей и при первых симптомах обращаться к семейному врачу."]),
    (1008, "2026-01-21", "Подписан меморандум о сотрудничестве в сфере цифрового здравоохранения",
     ["Министерство здравоохранения и Государственное агентство информационных технологий подписали меморандум о создании единой медицинской информационной системы.",
      "Первый этап предусматривает подключение 300 организаций здравоохранения к электронной медицинской карте."]),
    (1009, "2026-01-23", "В Оше прошёл республиканский семинар по охране материнства",
     ["Более 200 акушеров-гинекологов и неонатологов приняли участие в семинаре, посвящённом снижению материнской и младенческой смертности.",
      "Участникам представлены обновлённые клинические протоколы ведения беременности."]),
    (1010, "2026-01-26", "Минздрав работает над возвращением медицинских кадров из-за рубежа",
     ["В министерстве состоялась онлайн-встреча с соотечественниками, работающими в клиниках за рубежом. Обсуждались условия возвращения специалистов и возможности дистанционных консультаций.",
      "Участники предложили создать реестр зарубежных специалистов и программу наставничества для молодых врачей."]),
    (1011, "2026-01-28", "Подведены итоги работы системы здравоохранения за 2025 год",
     ["На итоговой коллегии министерства представлены результаты работы отрасли. Материнская смертность снизилась до 38,2 на 100 тысяч живорождений.",
      "В 2026 году приоритетами названы кадровое обеспечение сёл, цифровизация и строительство новых больниц."]),
    (1012, "2026-01-30", "Начался приём заявок на целевое обучение в ординатуре",
     ["Министерство здравоохранения объявляет приём заявок на целевое обучение в клинической ординатуре по 24 специальностям. Выпускники обязуются отработать три года в регионах.",
      "Документы принимаются до 15 марта в отделе кадровой политики министерства."]),
    (1014, "2026-02-02", "Утверждён перечень жизненно важных лекарственных средств",
     ["Постановлением Кабинета министров утверждён обновлённый перечень жизненно важных лекарственных средств, включающий 412 наименований.",
      "Цены на препараты из перечня будут регулироваться государством."]),
    (1015, "2026-02-03", "В столице пройдёт день открытых дверей в центрах семейной медицины",
     ["В субботу центры семейной медицины Бишкека проведут день открытых дверей. Жители смогут бесплатно измерить давление, уровень сахара в крови и получить консультацию терапевта.",
      "Приём будет вестись с 9:00 до 15:00 без предварительной записи."]),
]
# Served in windows-1251 with a <meta> declaration: old CMS pages on ministry sites still are.
RU_1251 = (1013, "2026-02-01", "Об усилении санитарно-карантинного контроля на границе",
           ["В связи с сообщениями о случаях вируса Нипах в странах Южной Азии усилен санитарно-карантинный контроль в международных аэропортах.",
            "Пассажирам, прибывающим из неблагополучных стран, проводится термометрия. Оснований для паники нет, ситуация находится под контролем."])

EN = [
    (2001, "2026-01-06", "Ministry of Health summarises the influenza vaccination season",
     ["According to the Ministry of Health, 412,000 people including 96,000 health workers were vaccinated against influenza in the 2025-2026 season.",
      "Coverage of risk groups increased by 7 percent compared with the previous season."]),
    (2002, "2026-01-13", "Measles prevention campaign launched",
     ["The Ministry of Health reminds parents to vaccinate children against measles on time. Fourteen cases have been registered since the beginning of the year.",
      "Vaccination is free of charge at all primary health care facilities."]),
    (2003, "2026-01-17", "Foreign surgeons hold master classes for cardiac surgeons",
     ["Surgeons from Germany and Turkey held master classes at the National Centre of Cardiology and Therapy, performing 11 open-heart operations.",
      "The ministry said the exchange of experience will become regular."]),
    (2004, "2026-01-22", "Memorandum on digital health signed",
     ["The Ministry of Health and the State Agency for Information Technologies signed a memorandum on a unified medical information system.",
      "The first stage connects 300 health facilities to the electronic medical record."]),
    (2005, "2026-01-27", "Ministry works to bring medical professionals back home",
     ["The ministry held an online meeting with compatriots working in clinics abroad to discuss conditions for their return and remote consultations.",
      "Participants proposed a register of specialists abroad and a mentoring programme for young doctors."]),
    (2006, "2026-01-29", "Results of the health system in 2025 reviewed",
     ["At the final board meeting the ministry presented the results of the sector. Maternal mortality fell to 38.2 per 100,000 live births.",
      "Priorities for 2026 are staffing rural areas, digitalisation and the construction of new hospitals."]),
    (2007, "2026-02-03", "Open day at family medicine centres in the capital",
     ["On Saturday, family medicine centres in Bishkek will hold an open day with free blood pressure and blood sugar checks.",
      "Appointments are not needed; centres are open from 9:00 to 15:00."]),
]

PER_PAGE = 5


def write(path, text, encoding="utf-8"):
    full = os.path.join(OUT, path.lstrip("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(text.encode(encoding))


def layout(lang, title, body, head_extra="", charset="utf-8"):
    site = "Министерство здравоохранения" if lang == "ru" else "Ministry of Health"
    nav = ('<a href="/ru/news/">Новости</a> | <a href="/en/news/">English</a> | '
           '<a href="/ru/search?q=грипп">Поиск</a> | <a href="/private/report.html">Служебное</a> | '
           '<a href="/go/partner">Партнёры</a>') if lang == "ru" else \
          '<a href="/en/news/">News</a> | <a href="/ru/news/">Русский</a>'
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="{charset}">
<title>{title} | {site}</title>
{head_extra}</head>
<body>
<header><div class="logo">{site}</div><nav>{nav}</nav></header>
<main>
{body}
</main>
<footer>&copy; 2026 {site}. <a href="mailto:press@example.org">press@example.org</a></footer>
</body>
</html>
"""


def article_page(lang, num, date, title, paras, charset="utf-8"):
    label = "Пресс-служба" if lang == "ru" else "Press service"
    back = "К списку новостей" if lang == "ru" else "Back to news"
    body = f"""<article>
<h1>{title}</h1>
<time datetime="{date}">{date}</time>
{''.join(f'<p>{p}</p>' + chr(10) for p in paras)}<p class="source">{label}</p>
</article>
<a href="/{lang}/news/">{back}</a>"""
    return layout(lang, title, body, charset=charset)


def listing(lang, items, feed):
    pages = [items[i:i + PER_PAGE] for i in range(0, len(items), PER_PAGE)]
    heading = "Новости" if lang == "ru" else "News"
    for n, page in enumerate(pages, start=1):
        path = f"/{lang}/news/" if n == 1 else f"/{lang}/news/page-{n}.html"
        links = "\n".join(f'<li><a href="{href}">{title}</a> <span>{date}</span></li>'
                          for href, date, title in page)
        pager = " ".join(
            f'<a href="/{lang}/news/{"" if k == 1 else f"page-{k}.html"}">{k}</a>' for k in range(1, len(pages) + 1))
        head = f'<link rel="alternate" type="{feed[1]}" title="{heading}" href="{feed[0]}">\n'
        if n < len(pages):
            nxt = f"/{lang}/news/page-{n + 1}.html"
            head += f'<link rel="next" href="{nxt}">\n'
            pager += f' <a rel="next" href="{nxt}">&rarr;</a>'
        body = f"<h1>{heading}</h1>\n<ul class=\"news\">\n{links}\n</ul>\n<div class=\"pager\">{pager}</div>"
        write(path + ("index.html" if n == 1 else ""), layout(lang, heading, body, head))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    ru_items = []
    for num, date, title, paras in RU:
        write(f"/ru/news/{num}.html", article_page("ru", num, date, title, paras))
    num, date, title, paras = RU_1251
    write(f"/ru/news/{num}.html", article_page("ru", num, date, title, paras, charset="windows-1251"), "cp1251")
    listed = [a for a in RU + [RU_1251] if a[0] not in (1014, 1015)]  # 1014: sitemap only; 1015: feed only
    for num, date, title, _ in sorted(listed, key=lambda a: -a[0]):
        # 1005 is linked under its old address, which redirects (a CMS migration).
        href = "/ru/news/1005-old.html" if num == 1005 else f"/ru/news/{num}.html"
        ru_items.append((href, date, title))
    listing("ru", ru_items, ("/ru/rss.xml", "application/rss+xml"))
    for num, date, title, paras in EN:
        write(f"/en/news/{num}.html", article_page("en", num, date, title, paras))
    en_items = [(f"/en/news/{n}.html", d, t) for n, d, t, _ in sorted(EN, key=lambda a: -a[0]) if n != 2007]
    listing("en", en_items, ("/en/atom.xml", "application/atom+xml"))

    write("/index.html", layout("ru", "Главная", '<h1>Министерство здравоохранения</h1>\n'
                                '<p><a href="/ru/news/">Новости</a> <a href="/en/news/">News in English</a></p>'))
    write("/private/report.html", layout("ru", "Служебное", "<p>Не для индексации.</p>"))
    write("/ru/search", layout("ru", "Поиск", "<p>Поиск.</p>"))
    write("/robots.txt", """# Ministry of Health (fixture)
User-agent: *
Disallow: /private/
Disallow: /ru/search
Crawl-delay: 0.1

User-agent: BadBot
Disallow: /

Sitemap: /sitemap.xml
""")
    write("/sitemap.xml", """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>/sitemap-ru.xml</loc><lastmod>2026-02-03</lastmod></sitemap>
  <sitemap><loc>/sitemap-en.xml.gz</loc><lastmod>2026-02-03</lastmod></sitemap>
</sitemapindex>
""")
    ru_urls = [(f"/ru/news/{n}.html", d) for n, d, _, _ in RU + [RU_1251] if n != 1015]
    ru_urls += [("/ru/news/1098.html", "2026-01-02"), ("/ru/news/1099.html", "2026-01-03"),
                ("/ru/news/1097.html", "2026-01-04"), ("/ru/news/1096.html", "2026-01-04")]
    write("/sitemap-ru.xml", urlset(ru_urls))
    en_xml = urlset([(f"/en/news/{n}.html", d) for n, d, _, _ in EN if n != 2007])
    full = os.path.join(OUT, "sitemap-en.xml.gz")
    with open(full, "wb") as f:
        # mtime=0 keeps the file byte-identical between generator runs.
        f.write(gzip.compress(en_xml.encode(), mtime=0))
    items = "\n".join(
        f"<item><title>{t}</title><link>/ru/news/{n}.html</link><pubDate>{rfc822(d)}</pubDate></item>"
        for n, d, t, _ in sorted(RU + [RU_1251], key=lambda a: -a[0])[:6])
    write("/ru/rss.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Новости Министерства здравоохранения</title><link>/ru/news/</link>
{items}
</channel></rss>
""")
    entries = "\n".join(
        f'<entry><title>{t}</title><link href="/en/news/{n}.html"/><updated>{d}T09:00:00Z</updated></entry>'
        for n, d, t, _ in sorted(EN, key=lambda a: -a[0]))
    write("/en/atom.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry of Health news</title>
{entries}
</feed>
""")


def urlset(urls):
    body = "\n".join(f"  <url><loc>{u}</loc><lastmod>{d}</lastmod></url>" for u, d in urls)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{body}
</urlset>
"""


def rfc822(date):
    import datetime
    d = datetime.date.fromisoformat(date)
    return d.strftime("%a, %d %b %Y 09:00:00 +0600")


if __name__ == "__main__":
    main()
