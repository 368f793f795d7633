#!/usr/bin/env python3
"""Renders the extraction evaluation set: hand-written releases (articles_*.txt) placed into five
page templates modelled on the sites pressmine reads, with their furniture (menus, share bars,
bylines glued to rubrics, "Read also" teasers, comments, cookie banners, footers).

  kg      a Kyrgyz ministry site (Joomla-like), ru and en; title in <h2>, <time> date
  kz      a Kazakh government portal; date line above the <h1>, JSON-LD NewsArticle (or no
          metadata at all: the date is only in the text)
  rumin   a Russian federal ministry; article:published_time plus later modified dates, some
          pages with a visible "Обновлено" line before the published one and no published meta
  agg     a news aggregator with cookie banner, byline + rubric links, two share bars,
          "Читайте также"/"Read also" teasers, comments and popular-news column
  legacy  an old table-layout regional site stored in windows-1251, date only in the text
  portal  a regional news portal: photo caption, an inline "Читайте также" link inside the
          text, long reader comments and a column of long teasers competing with the article

Writes pages/<id>.html and truth.json ({id: {url, title, published, text, template,
charset}}). Run from anywhere: python3 corpora/extract-eval/generate.py
"""
import html
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                 "сентября", "октября", "ноября", "декабря"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]


def load_articles(path):
    articles = {}
    current = None
    lines = open(path, encoding="utf-8").read().split("\n")
    body = []

    def flush():
        if current is not None:
            text = "\n".join(body).strip()
            current["paragraphs"] = [p.strip().replace("\n", " ") for p in text.split("\n\n") if p.strip()]
            articles[current["id"]] = current

    in_header = False
    for line in lines:
        if line.startswith("#") and current is None:
            continue
        if line.startswith("=== "):
            flush()
            current = {"id": line[4:].strip()}
            body = []
            in_header = True
            continue
        if current is None:
            continue
        if in_header:
            if not line.strip():
                in_header = False
                continue
            key, _, value = line.partition(":")
            current[key.strip()] = value.strip()
        else:
            body.append(line)
    flush()
    return articles


def parts(date):
    d, _, t = date.partition("T")
    y, m, dd = (int(x) for x in d.split("-"))
    return y, m, dd, t


def ru_long(date, with_time=True):
    y, m, d, t = parts(date)
    s = "%d %s %d" % (d, RU_MONTHS_GEN[m - 1], y)
    return s + (", " + t if t and with_time else "")


def en_long(date, with_time=True):
    y, m, d, t = parts(date)
    s = "%s %d, %d" % (EN_MONTHS[m - 1], d, y)
    return s + (" at " + t if t and with_time else "")


def numeric(date, with_time=True):
    y, m, d, t = parts(date)
    s = "%02d.%02d.%d" % (d, m, y)
    return s + (" " + t if t and with_time else "")


def iso_offset(date, offset="+06:00"):
    d, _, t = date.partition("T")
    return "%sT%s:00%s" % (d, t, offset) if t else d


def later(date, days):
    y, m, d, t = parts(date)
    d += days
    while d > 28:
        d -= 28
        m += 1
        if m > 12:
            m = 1
            y += 1
    return "%04d-%02d-%02dT%s" % (y, m, d, t or "12:44")


def paras(a, inline_related=None):
    """Paragraphs as <p>; runs of "- item" paragraphs as one <ul>. `inline_related`, when
    given, is a "Read also: <link>" line put after the second paragraph (not article text)."""
    out, items = [], []
    for i, p in enumerate(a["paragraphs"]):
        if p.startswith("- "):
            items.append("<li>%s</li>" % html.escape(p[2:], quote=False))
            continue
        if items:
            out.append("<ul>%s</ul>" % "".join(items))
            items = []
        out.append("<p>%s</p>" % html.escape(p, quote=False))
        if inline_related and i == 1:
            out.append(inline_related)
    if items:
        out.append("<ul>%s</ul>" % "".join(items))
    return "\n".join(out)


def truth_text(a):
    return "\n\n".join(p[2:] if p.startswith("- ") else p for p in a["paragraphs"])


def esc(s):
    return html.escape(s)


def others(articles, a, n=4):
    same = [x for x in articles.values() if x["lang"] == a["lang"] and x["id"] != a["id"]]
    return same[:n]


# ---------------------------------------------------------------- kg: Kyrgyz ministry (Joomla)
def kg(a, articles, variant):
    ru = a["lang"] == "ru"
    site = "Министерство здравоохранения Кыргызской Республики" if ru else "Ministry of Health of the Kyrgyz Republic"
    menu = (["Главная", "О министерстве", "Новости", "Документы", "Госуслуги", "Контакты"] if ru
            else ["Home", "About", "News", "Documents", "Public services", "Contacts"])
    latest = "".join('<li><a href="/%s/news/%d">%s</a></li>' % (a["lang"], 900 + i, esc(o["title"]))
                     for i, o in enumerate(others(articles, a)))
    if variant == 0:
        date_html = '<time datetime="%s" itemprop="datePublished">%s</time>' % (iso_offset(a["date"]), numeric(a["date"]))
    else:
        date_html = numeric(a["date"])
    share_label = "Поделиться:" if ru else "Share:"
    cookie = ("Сайт использует файлы cookie. Продолжая работу с сайтом, вы соглашаетесь с их использованием."
              if ru else "This website uses cookies. By continuing to browse the site you agree to their use.")
    page = f"""<!DOCTYPE html>
<html lang="{a['lang']}-{'ru' if ru else 'gb'}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(a['title'])} - {site}</title>
<meta name="description" content="{esc(a['paragraphs'][0][:150])}">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:site_name" content="{site}">
<link href="/templates/med/css/template.css" rel="stylesheet">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('js', new Date());</script>
</head>
<body class="site com_content view-article itemid-{sum(map(ord, a['id'])) % 500}">
<div id="cookie-notice" class="cookie-notice">{cookie} <button type="button">OK</button></div>
<header class="header">
  <div class="container">
    <a class="brand" href="/{a['lang']}/"><img src="/images/gerb.png" alt="">{site}</a>
    <div class="lang-switch"><a href="/ky/">Кыргызча</a> <a href="/ru/">Русский</a> <a href="/en/">English</a></div>
    <nav class="navbar"><ul class="nav menu">{''.join('<li><a href="#">%s</a></li>' % m for m in menu)}</ul></nav>
  </div>
</header>
<div class="container"><div class="row">
<main id="content" class="col-md-9">
<ul class="breadcrumb"><li><a href="/{a['lang']}/">{menu[0]}</a></li><li><a href="/{a['lang']}/news">{menu[2]}</a></li><li class="active">{esc(a['title'])}</li></ul>
<div class="item-page" itemscope itemtype="https://schema.org/Article">
  <div class="page-header"><h2 itemprop="headline">{esc(a['title'])}</h2></div>
  <dl class="article-info muted">
    <dd class="published"><span class="icon-calendar" aria-hidden="true"></span> {date_html}</dd>
    <dd class="hits"><span class="icon-eye"></span> {'Просмотров' if ru else 'Hits'}: {300 + len(a['title'])}</dd>
  </dl>
  <div itemprop="articleBody">
{paras(a)}
  </div>
  <div class="share-block"><span>{share_label}</span> <a href="#">VK</a> <a href="#">Facebook</a> <a href="#">Telegram</a> <a href="#">WhatsApp</a></div>
  <ul class="pager pagenav"><li class="previous"><a href="#" rel="prev">{'Назад' if ru else 'Prev'}</a></li><li class="next"><a href="#" rel="next">{'Вперед' if ru else 'Next'}</a></li></ul>
</div>
</main>
<aside class="col-md-3 sidebar">
  <div class="moduletable"><h3>{'Последние новости' if ru else 'Latest news'}</h3><ul class="latestnews">{latest}</ul></div>
  <div class="moduletable"><h3>{'Горячая линия' if ru else 'Hotline'}</h3><p>{'Телефон доверия: 118 (звонок бесплатный)' if ru else 'Helpline: 118 (toll-free)'}</p></div>
</aside>
</div></div>
<footer class="footer"><div class="container">
  <p>{'720040, г. Бишкек, ул. Московская, 148' if ru else '148 Moskovskaya St., Bishkek 720040'}</p>
  <p>{'Приемная' if ru else 'Reception'}: +996 312 62 26 80, e-mail: info@med.example.kg</p>
  <p>&copy; 2026 {site}</p>
</div></footer>
</body>
</html>
"""
    url = "https://med.example.kg/%s/news/%d-%s" % (a["lang"], 1000 + int(a["id"][3:]), a["id"])
    return page, url, a["title"], a["date"]


# ---------------------------------------------------------------- kz: Kazakh government portal
def kz(a, articles, variant):
    ru = a["lang"] == "ru"
    org = "Министерство здравоохранения Республики Казахстан" if ru else "Ministry of Healthcare of the Republic of Kazakhstan"
    date_line = ru_long(a["date"]) if ru else en_long(a["date"]).replace(" at ", ", ")
    ld = ""
    if variant == 0:
        ld = """<script type="application/ld+json">%s</script>""" % json.dumps({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a["title"],
            "datePublished": iso_offset(a["date"], "+05:00"),
            "dateModified": iso_offset(later(a["date"], 1), "+05:00"),
            "publisher": {"@type": "Organization", "name": org},
        }, ensure_ascii=False)
    cards = "".join(
        '<div class="news-card"><div class="news-card__date">%s</div><a class="news-card__title" href="/memleket/entities/dsm/press/news/details/%d">%s</a></div>'
        % (ru_long(o["date"], False) if ru else en_long(o["date"], False), 1000 + i, esc(o["title"]))
        for i, o in enumerate(others(articles, a, 3)))
    page = f"""<!doctype html>
<html lang="{a['lang']}">
<head>
<meta charset="utf-8">
<title>{esc(a['title'])} - {org} | Портал «Электронное правительство»</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
{ld}
<link rel="stylesheet" href="/static/css/main.8c1f2a.css">
</head>
<body>
<div id="root"><div class="app">
<div class="gov-header">
  <div class="gov-header__top">{'Официальный интернет-ресурс' if ru else 'Official website'} · <a href="/kk">Қаз</a> <a href="/ru">Рус</a> <a href="/en">Eng</a> · <a href="#">{'Версия для слабовидящих' if ru else 'Accessibility'}</a></div>
  <div class="gov-header__title"><a href="/memleket/entities/dsm">{org}</a></div>
  <ul class="gov-header__menu"><li><a href="#">{'О нас' if ru else 'About'}</a></li><li><a href="#">{'Деятельность' if ru else 'Activities'}</a></li><li><a href="#">{'Документы' if ru else 'Documents'}</a></li><li><a href="#">{'Пресс-центр' if ru else 'Press center'}</a></li></ul>
</div>
<div class="breadcrumbs"><a href="/">{'Главная' if ru else 'Home'}</a> / <a href="#">{'Пресс-центр' if ru else 'Press center'}</a> / <span>{'Новости' if ru else 'News'}</span></div>
<div class="page-layout">
  <div class="page-layout__content">
    <div class="news-detail">
      <div class="news-detail__date">{date_line}</div>
      <h1 class="news-detail__title">{esc(a['title'])}</h1>
      <div class="news-detail__body">
{paras(a)}
      </div>
      <div class="news-detail__footer"><span class="views">{'Просмотры' if ru else 'Views'}: 1 204</span>
        <div class="social-share"><a href="#">Facebook</a><a href="#">Telegram</a><a href="#">WhatsApp</a></div></div>
    </div>
    <div class="other-news"><h2>{'Другие новости' if ru else 'Other news'}</h2>{cards}</div>
  </div>
  <div class="page-layout__sidebar">
    <div class="menu-block"><a href="#">{'Руководство' if ru else 'Management'}</a><a href="#">{'Структура' if ru else 'Structure'}</a><a href="#">{'Контакты' if ru else 'Contacts'}</a><a href="#">{'Вакансии' if ru else 'Vacancies'}</a></div>
  </div>
</div>
<footer class="gov-footer">{'Единый контакт-центр' if ru else 'Unified contact center'}: 1414 · &copy; 2026 {org}</footer>
</div></div>
<script src="/static/js/main.4b2e9c.js"></script>
</body>
</html>
"""
    url = "https://www.gov.example.kz/memleket/entities/dsm/press/news/details/%d?lang=%s" % (
        2000 + int(a["id"][3:]), a["lang"])
    return page, url, a["title"], a["date"]


# ---------------------------------------------------------------- rumin: Russian federal ministry
def rumin(a, articles, variant):
    ru = a["lang"] == "ru"
    org = "Министерство здравоохранения Российской Федерации" if ru else "Ministry of Health of the Russian Federation"
    modified = later(a["date"], 6)
    published_meta = "" if variant == 1 else '<meta property="article:published_time" content="%s">' % iso_offset(a["date"], "+03:00")
    updated_label = "Обновлено" if ru else "Updated"
    published_label = "Опубликовано" if ru else "Published"
    fmt = ru_long if ru else en_long
    updated_line = '<div class="b-news__updated">%s: %s</div>' % (updated_label, fmt(modified))
    published_line = '<div class="b-news__date">%s: %s</div>' % (published_label, fmt(a["date"]))
    if variant == 1:
        before_title, after_title, after_text = updated_line, published_line, ""
    else:
        before_title, after_title, after_text = "", published_line, updated_line
    page = f"""<!DOCTYPE html>
<html lang="{a['lang']}">
<head>
<meta charset="UTF-8">
<title>{esc(a['title'])} | {org}</title>
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:type" content="article">
{published_meta}
<meta property="article:modified_time" content="{iso_offset(modified, '+03:00')}">
<meta property="og:updated_time" content="{iso_offset(modified, '+03:00')}">
<meta name="last-modified" content="{iso_offset(modified, '+03:00')}">
<link rel="stylesheet" href="/assets/application-5f0e.css">
</head>
<body class="b-body">
<div class="b-header">
  <a class="b-header__logo" href="/">{org}</a>
  <form class="b-search" action="/search"><input type="text" name="q" placeholder="{'Поиск' if ru else 'Search'}"><button>{'Найти' if ru else 'Go'}</button></form>
  <ul class="b-menu"><li><a href="/ministry">{'Министерство' if ru else 'Ministry'}</a></li><li><a href="/news">{'Новости' if ru else 'News'}</a></li><li><a href="/documents">{'Документы' if ru else 'Documents'}</a></li><li><a href="/opendata">{'Открытые данные' if ru else 'Open data'}</a></li></ul>
</div>
<div class="b-page">
  <div class="b-page__nav"><ul class="b-submenu"><li><a href="/news">{'Все новости' if ru else 'All news'}</a></li><li><a href="/news/regions">{'Новости регионов' if ru else 'Regional news'}</a></li><li><a href="/news/anons">{'Анонсы' if ru else 'Announcements'}</a></li></ul></div>
  <div class="b-page__content">
    <article class="b-news">
      {before_title}
      <h1 class="b-news__title">{esc(a['title'])}</h1>
      {after_title}
      <div class="b-news__text">
{paras(a)}
      </div>
      {after_text}
      <div class="b-news__tags">{'Теги' if ru else 'Tags'}: <a href="#">{esc(a['rubric'].lower())}</a> <a href="#">{'здравоохранение' if ru else 'healthcare'}</a></div>
      <div class="b-news__print"><a href="?print=1">{'Версия для печати' if ru else 'Print version'}</a></div>
    </article>
  </div>
</div>
<div class="b-footer">
  <p>127994, {'ГСП-4, г. Москва, Рахмановский пер., д. 3' if ru else 'Rakhmanovsky lane 3, Moscow, 127994'}</p>
  <p>{'Справочная' if ru else 'Information desk'}: +7 (495) 628-44-53 · &copy; 2026 {org}</p>
</div>
</body>
</html>
"""
    url = "https://minzdrav.example.ru/news/%d" % (3000 + int(a["id"][3:]))
    return page, url, a["title"], a["date"]


# ---------------------------------------------------------------- agg: news aggregator
RELATED = {
    "ru": [("Российский футбол", "Итальянский тренер сборной включил 30 игроков в расширенный список на матчи отборочного турнира..."),
           ("Погода", "Синоптики прогнозируют резкое похолодание и снег в горных районах на выходных..."),
           ("Экономика", "Национальный банк сохранил учетную ставку на прежнем уровне, сообщили в регуляторе...")],
    "en": [("Russian Football", "The Italian coach of the national team has included 30 players in the extended squad for the qualifiers..."),
           ("Weather", "Forecasters expect a sharp cold snap and snow in mountain areas at the weekend..."),
           ("Economy", "The National Bank kept its policy rate unchanged, the regulator said...")],
}
COMMENTS = {
    "ru": [("Азамат", "Наконец-то, давно пора было это сделать. Посмотрим, как будет работать на деле."),
           ("Гульнара", "А в нашем районе до сих пор не хватает врачей, когда дойдет очередь до нас?")],
    "en": [("Azamat", "Finally, this should have been done long ago. Let us see how it works in practice."),
           ("Gulnara", "Our district still lacks doctors. When will it be our turn?")],
}


def agg(a, articles, variant):
    ru = a["lang"] == "ru"
    lang = a["lang"]
    y, m, d, t = parts(a["date"])
    related = "".join(
        '<div class="item"><a class="item__rubric" href="/%s/sport">%s</a><a class="item__title" href="/%s/news/%d">%s</a><div class="item__teaser">%s</div></div>'
        % (lang, esc(r), lang, 700 + i, esc(r), esc(teaser)) for i, (r, teaser) in enumerate(RELATED[lang]))
    comments = "".join('<div class="comment"><b class="comment__name">%s</b><p>%s</p></div>' % (esc(n), esc(c))
                       for n, c in COMMENTS[lang])
    popular = "".join('<li><a href="/%s/news/%d">%s</a></li>' % (lang, 800 + i, esc(o["title"]))
                      for i, o in enumerate(others(articles, a, 5)))
    share = " ".join('<a href="#" class="s-%s">%s</a>' % (s.lower(), s) for s in ["VK", "X", "OK", "WhatsApp", "Telegram"])
    share_plain = " ".join('<span class="icon">%s</span>' % s for s in ["VK", "X", "OK", "WhatsApp", "Telegram"])
    cookie = ("Мы используем файлы cookies для улучшения работы сайта. Оставаясь на сайте, вы соглашаетесь с условиями использования."
              if ru else "We use cookies to improve the site. By staying on the site you accept the terms of use.")
    read_also = "Читайте также:" if ru else "Read also:"
    published_meta = ('<meta property="article:published_time" content="%s">' % iso_offset(a["date"])) if variant == 0 else ""
    page = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{esc(a['title'])} - Vesti.Asia</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:site_name" content="Vesti.Asia">
{published_meta}
<meta name="author" content="{esc(a['author'])}">
<script async src="https://ads.example.com/tag.js"></script>
</head>
<body>
<div class="cookie-banner" id="cookieBanner"><p>{cookie}</p><a href="/{lang}/privacy">{'Подробнее' if ru else 'More'}</a> <button>OK</button></div>
<div class="top-line"><span>USD 87.45</span> <span>EUR 101.20</span> <span>RUB 1.09</span> <span>{'Бишкек' if ru else 'Bishkek'} −3°</span></div>
<div class="header"><a class="logo" href="/{lang}/">Vesti.Asia</a>
<ul class="rubrics"><li><a href="#">{'Политика' if ru else 'Politics'}</a></li><li><a href="#">{'Экономика' if ru else 'Economy'}</a></li><li><a href="#">{'Общество' if ru else 'Society'}</a></li><li><a href="#">{'Здоровье' if ru else 'Health'}</a></li><li><a href="#">{'Спорт' if ru else 'Sport'}</a></li></ul></div>
<div class="wrap">
<div class="main-col">
  <div class="article">
    <h1 class="article__title">{esc(a['title'])}</h1>
    <div class="article__info"><a class="author-link" href="/{lang}/author/{sum(map(ord, a['author'])) % 90}">{esc(a['author'])}</a> <a class="rubric-link" href="/{lang}/rubric/health">{esc(a['rubric'])}</a></div>
    <div class="article__date">{numeric(a['date'])}</div>
    <div class="sharebar">{share}</div>
    <div class="article__text">
{paras(a)}
    </div>
    <div class="tools">{share_plain}</div>
    <div class="read-more-block"><div class="block-title">{read_also}</div>{related}</div>
    <div class="discussion"><h3>{'Комментарии' if ru else 'Comments'}</h3>{comments}
      <div class="discussion__form"><textarea placeholder="{'Ваш комментарий' if ru else 'Your comment'}"></textarea><button>{'Отправить' if ru else 'Send'}</button></div></div>
  </div>
</div>
<div class="right-col"><div class="popular"><h3>{'Популярное' if ru else 'Popular'}</h3><ul>{popular}</ul></div>
<div class="ad-slot">{'Реклама' if ru else 'Advertisement'}</div></div>
</div>
<div class="footer"><p>&copy; 2026 Vesti.Asia. {'Все права защищены. При перепечатке материалов ссылка на источник обязательна.' if ru else 'All rights reserved. Reprinting requires a link to the source.'}</p>
<p>{'Свидетельство о регистрации СМИ № 1234 от 12.03.2019' if ru else 'Media registration certificate No. 1234 of 12.03.2019'}</p></div>
</body>
</html>
"""
    url = "https://vesti.example.asia/%s/news/%04d/%02d/%02d/%d-%s/" % (lang, y, m, d, 500000 + int(a["id"][3:]), a["id"])
    return page, url, a["title"], a["date"]


# ---------------------------------------------------------------- legacy: windows-1251 tables
def legacy(a, articles, variant):
    body = "<br><br>\n".join(html.escape(p, quote=False) for p in a["paragraphs"])  # "- " kept: plain text
    menu = "<br>\n".join('<a href="/%s.htm">%s</a>' % (h, t) for h, t in [
        ("index", "Главная"), ("news", "Новости"), ("struct", "Структура"), ("docs", "Документы"),
        ("vacancy", "Вакансии"), ("contacts", "Контакты")])
    date_only = a["date"].split("T")[0]
    page = f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Управление здравоохранения Ошской области - Новости</title>
</head>
<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0">
<table width="100%" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2" bgcolor="#003366"><img src="/img/logo.gif" width="80" height="80"><font color="#FFFFFF" size="5">Управление здравоохранения Ошской области</font></td></tr>
<tr>
<td width="200" valign="top" bgcolor="#EEEEEE"><font face="Arial" size="2">
{menu}
</font></td>
<td valign="top"><font face="Arial" size="2">
<b><font size="3">{esc(a['title'])}</font></b><br>
{numeric(date_only)}<br><br>
{body}
<br><br><a href="/news.htm">Все новости</a>
</font></td>
</tr>
<tr><td colspan="2" align="center"><font size="1">&copy; Управление здравоохранения Ошской области, 2003-2026. Тел.: (03222) 5-55-55</font></td></tr>
</table>
</body>
</html>
"""
    url = "http://oblzdrav.example.kg/news/%d.htm" % (4000 + int(a["id"][3:]))
    return page, url, a["title"], date_only


# ---------------------------------------------------------------- portal: regional news portal
FEEDBACK = {
    "ru": [("Марат, Каракол", "Хорошая новость, но хотелось бы знать, когда такие же изменения дойдут до нашего района. "
            "У нас в поликлинике до сих пор очереди с раннего утра, а записаться к узкому специалисту можно только через месяц, "
            "и то если повезет с талонами."),
           ("Елена", "Читала внимательно, все правильно написано. Только в прошлом году обещали то же самое, а на деле мало что "
            "изменилось: врачей не хватает, оборудование старое, лекарства приходится покупать самим. Посмотрим, что будет в этот раз."),
           ("Бакыт", "Спасибо министерству за работу. Мой брат работает фельдшером в селе, говорит, что условия стали лучше, "
            "появились новые машины и компьютеры. Желаю всем здоровья и терпения.")],
    "en": [("Marat, Karakol", "Good news, but I would like to know when the same changes will reach our district. "
            "Our clinic still has queues from early morning, and you can only see a specialist in a month, "
            "and only if you are lucky with the tickets."),
           ("Elena", "I read it carefully, everything is written correctly. Only last year they promised the same, and in reality "
            "little has changed: there are not enough doctors, the equipment is old, and we have to buy medicines ourselves."),
           ("Bakyt", "Thanks to the ministry for its work. My brother works as a paramedic in a village, he says conditions have "
            "improved, new cars and computers have appeared. I wish everyone health and patience.")],
}


def portal(a, articles, variant):
    ru = a["lang"] == "ru"
    lang = a["lang"]
    y, m, d, t = parts(a["date"])
    teasers = "".join(
        '<div class="teaser"><a class="teaser__title" href="/%s/region/%d">%s</a><p class="teaser__lead">%s</p></div>'
        % (lang, 60 + i, esc(o["title"]), esc(o["paragraphs"][0])) for i, o in enumerate(others(articles, a, 5)))
    feedback = "".join('<div class="feedback__item"><div class="feedback__name">%s</div><div class="feedback__text">%s</div></div>'
                       % (esc(n), esc(c)) for n, c in FEEDBACK[lang])
    other = others(articles, a, 1)[0]
    inline = '<p><strong>%s</strong> <a href="/%s/region/77">%s</a></p>' % (
        "Читайте также:" if ru else "Read also:", lang, esc(other["title"]))
    posted = ("Опубликовано %s в %s" % (numeric(a["date"], False), t)) if ru else (
        "Posted on %s at %s" % (en_long(a["date"], False), t))
    if not t:
        posted = ("Опубликовано %s" % numeric(a["date"], False)) if ru else ("Posted on %s" % en_long(a["date"], False))
    page = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{esc(a['title'])} — {'Регион.Инфо' if ru else 'Region.Info'}</title>
<link rel="stylesheet" href="/css/portal.css">
</head>
<body>
<div class="topbar"><a href="/{lang}/">{'Регион.Инфо' if ru else 'Region.Info'}</a> <a href="/{lang}/weather">{'Погода' if ru else 'Weather'}</a> <a href="/{lang}/afisha">{'Афиша' if ru else 'Events'}</a> <a href="/{lang}/ads">{'Объявления' if ru else 'Classifieds'}</a></div>
<div class="layout">
<div class="layout__main">
  <div class="post">
    <h1>{esc(a['title'])}</h1>
    <div class="post__posted">{posted}</div>
    <figure class="post__photo"><img src="/upload/{a['id']}.jpg" alt=""><figcaption>{'Фото: пресс-служба Минздрава' if ru else 'Photo: Ministry of Health press service'}</figcaption></figure>
    <div class="post__content">
{paras(a, inline)}
    </div>
  </div>
  <div class="feedback"><h3>{'Отзывы читателей' if ru else 'Reader comments'}</h3>{feedback}</div>
</div>
<div class="layout__side"><h3>{'Новости региона' if ru else 'Regional news'}</h3>{teasers}</div>
</div>
<div class="bottom">{'Регион.Инфо — новости области. Использование материалов разрешено при активной ссылке.' if ru else 'Region.Info — regional news. Materials may be used with an active link.'}</div>
</body>
</html>
"""
    url = "https://region.example.info/%s/news/%d" % (lang, 7000 + int(a["id"][3:]))
    return page, url, a["title"], a["date"]


PLAN = [
    # (template, variant, article ids)
    ("kg", 0, ["ru-01", "ru-02", "ru-05", "en-01", "en-02", "en-05"]),
    ("kg", 1, ["ru-07", "ru-13", "ru-14", "ru-15", "en-07", "en-11", "en-12"]),
    ("kz", 0, ["ru-03", "ru-08", "ru-12", "en-03", "en-08"]),
    ("kz", 1, ["ru-16", "en-10"]),
    ("rumin", 0, ["ru-06", "ru-10", "ru-11", "en-06"]),
    ("rumin", 1, ["ru-04", "ru-09", "en-04", "en-09"]),
    ("agg", 0, ["ru-01", "ru-10", "ru-12", "en-01", "en-04", "en-08"]),
    ("agg", 1, ["ru-02", "ru-14", "en-02", "en-06"]),
    ("legacy", 0, ["ru-05", "ru-06", "ru-11", "ru-13", "ru-15"]),
    ("portal", 0, ["ru-03", "ru-09", "ru-16", "en-03", "en-05", "en-12"]),
]
TEMPLATES = {"kg": kg, "kz": kz, "rumin": rumin, "agg": agg, "legacy": legacy, "portal": portal}


def main():
    articles = {}
    for name in ("articles_ru.txt", "articles_en.txt"):
        articles.update(load_articles(os.path.join(HERE, name)))
    out_dir = os.path.join(HERE, "pages")
    os.makedirs(out_dir, exist_ok=True)
    truth = {}
    for template, variant, ids in PLAN:
        for aid in ids:
            a = articles[aid]
            page, url, title, published = TEMPLATES[template](a, articles, variant)
            page_id = "%s-%d-%s" % (template, variant, aid)
            charset = "windows-1251" if template == "legacy" else "utf-8"
            with open(os.path.join(out_dir, page_id + ".html"), "wb") as f:
                f.write(page.encode("cp1251" if charset == "windows-1251" else "utf-8"))
            truth[page_id] = {
                "url": url,
                "title": title,
                "published": published,
                "text": "\n\n".join(a["paragraphs"]) if template == "legacy" else truth_text(a),
                "template": template,
                "charset": charset,
            }
    with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print("%d pages" % len(truth))


if __name__ == "__main__":
    main()
