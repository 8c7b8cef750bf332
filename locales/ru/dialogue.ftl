# Диалог: приветствие, вопросы, кнопки, сводка и ошибки, которые может встретить пользователь.
# Каждый id есть также в en/ и kk/ с теми же переменными.

-bot = Жолсерік

## Приветствие и помощь

welcome = Здравствуйте! Я { -bot }, ваш попутчик в Казахстане. Задам несколько коротких вопросов и покажу, сколько вы можете оставаться и что сделать, к какому сроку. Ваши ответы хранятся только у меня; /delete стирает их.
welcome-back = С возвращением! Продолжим с того места, где остановились.
help =
    Я помогаю иностранцам в Казахстане не пропустить сроки пребывания и разрешений.
    Отвечайте кнопками или текстом.
    /back — предыдущий вопрос
    /me — ваши ответы
    /plan — ваш план
    /sources — откуда взяты правила
    /reminders — ближайшие напоминания
    /calendar — ваши сроки файлом календаря
    /trips — ваши прошлые поездки: добавить, изменить, удалить
    /human — спросить человека: консультанта организации
    /language — сменить язык
    /restart — начать заново
    /export — все ваши данные
    /delete — стереть все ваши данные
    Это информация, а не юридическая консультация.
language-set = Хорошо, будем говорить по-русски.

## Язык

q-language = На каком языке будем говорить?
# Each language in its own name, the same in every locale.
lang-ru = Русский
lang-kk = Қазақша
lang-en = English
lang-uz = Oʻzbekcha
lang-tg = Тоҷикӣ
lang-ky = Кыргызча

## Гражданство

q-citizenship = Паспорт какой страны у вас? Выберите ниже или напишите название страны.
country = { $country }
btn-other-country = Другая страна
q-citizenship-typed = Напишите название страны или её код (например: Узбекистан или UZ).
q-citizenship-confirm = Вы имели в виду: { $country }?
q-citizenship-choose = Какую страну вы имели в виду?
err-country-unknown = Не нашёл такую страну. Проверьте написание или введите двухбуквенный код (например: TJ).
info-citizen-kz = Вы гражданин Казахстана, поэтому сроки пребывания вас не касаются. Этот бот для иностранцев. Если у вас паспорт другой страны, выберите её.

## Дата въезда

q-entry = Когда вы последний раз въехали в Казахстан? Напишите дату, например { $example }, или нажмите кнопку.
btn-today = Сегодня
btn-yesterday = Вчера
err-date-unrecognized = Не получилось прочитать дату. Напишите так: { $example } или { $date }.
err-date-impossible = Такой даты нет в календаре. Проверьте день и месяц, например { $example }.
err-date-future = Эта дата ещё не наступила. Напишите дату, когда вы въехали, например { $example }.
err-date-too-old = Эта дата больше { $years ->
    [one] { $years } года
   *[other] { $years } лет
} назад. Проверьте год, например { $example }.
err-date-too-far = Для документа эта дата слишком далеко в будущем. Проверьте год, например { $example }.
err-date-year-missing = Пожалуйста, добавьте год, например { $example }.

## Дни за последние 180 дней

btn-prior-none = Ни одного
btn-prior-unknown = Не знаю
err-prior-days = Напишите число дней от 0 до { $max } или нажмите кнопку.
days-count = { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}

## Цель

q-purpose = С какой целью вы в Казахстане?
purpose-work = Работа
    .short = Работа
purpose-study = Учёба
    .short = Учёба
purpose-family = Семья
    .short = Семья
purpose-visit = В гости или туризм
    .short = В гости или туризм
purpose-business = Командировка
    .short = Командировка
purpose-kandas = Кандас (этнический казах)
    .short = Кандас (этнический казах)
purpose-nomad = Удалённая работа на иностранного работодателя
    .short = Удалённая работа
purpose-other = Другое
    .short = Другое

## Работодатель

q-employer = Кто ваш работодатель?
employer-household = Частное лицо (работа по дому)
    .short = Частное лицо (работа по дому)
employer-company = Компания или ИП в Казахстане
    .short = Компания или ИП в Казахстане
employer-abroad = Работодатель за границей
    .short = Работодатель за границей

## Документы

q-documents = Какие документы у вас уже есть? Отметьте каждый, затем нажмите «Готово».
held-trp = Разрешение на временное проживание ({ -trp })
    .short = { -trp } (временное проживание)
held-labour-permit = Разрешение трудовому иммигранту
    .short = Разрешение иммигранту
held-work-permit = Разрешение работодателя на иностранную рабочую силу
    .short = Разрешение работодателя
held-visa = Виза
    .short = Виза
held-iin = { -iin }
    .short = { -iin }
# Те же названия внутри предложения.
held-trp-in-text = разрешение на временное проживание ({ -trp })
held-labour-permit-in-text = { -labour-permit }
held-work-permit-in-text = разрешение работодателя на иностранную рабочую силу
held-visa-in-text = виза
held-iin-in-text = { -iin }
btn-doc = { $document }
btn-doc-selected = ✅ { $document }
btn-docs-none = Ничего из этого
btn-docs-done = Готово
q-document-end = До какого числа действует { $document }? Напишите дату, например { $example }.
note-document-expired = Обратите внимание: срок действия истёк { $date } ({ $document }). Я это учту.

## Сводка

summary =
    Проверьте ваши ответы:
    { $answers }
summary-citizenship = Гражданство: { $value }
summary-entry = Последний въезд: { $value }
summary-prior-days = Дней за { $window_days } дней до въезда: { $value }
summary-purpose = Цель: { $value }
summary-employer = Работодатель: { $value }
summary-documents = Документы: { $value }
summary-document = • { $document }
summary-document-until = • { $document }, действует до { $date }
summary-document-expired = • { $document }: срок действия истёк { $date }
summary-not-given = пока нет ответа
date = { $date }
btn-correct = ✅ Всё верно
btn-change = ✏️ Изменить ответ
q-change-which = Какой ответ изменить?
field-citizenship = Гражданство
field-entry = Дата въезда
field-prior-days = Дни до въезда
field-purpose = Цель
field-employer = Работодатель
field-documents = Документы
btn-back-to-summary = ↩️ Назад к сводке

## Чек-лист плана

plan-actions = Нажмите ⬜, когда шаг выполнен (ещё раз — чтобы отменить). Нажмите на шаг, чтобы открыть его полностью.
btn-step-done = ⬜ Сделано
btn-step-undo = ✅ Сделано
btn-step-open = { $number }. { $step }
btn-plan-steps = 📋 Все шаги
btn-plan-notes = 💡 Полезно знать
btn-plan-sources = 📚 Источники
btn-plan-calendar = 📅 Календарь (.ics)
btn-plan-back = ↩️ Назад
plan-not-ready = План ещё не готов: сначала ответьте на вопросы.
plan-free-text = Ваш план готов. /plan покажет его снова, /me — ваши ответы, /restart — начать заново.

## Заново, удаление, выгрузка

confirm-restart = Начать заново? Ваши ответы будут очищены.
btn-confirm-restart = Да, начать заново
confirm-delete = Стереть всё, что я о вас знаю? Это нельзя отменить.
btn-confirm-delete = Да, стереть всё
btn-cancel = Отмена
btn-yes = Да
btn-no = Нет
restarted = Ответы очищены. Начнём сначала.
deleted = Готово: всё о вас стёрто. Отправьте /start, если захотите начать снова.
cancelled = Отменено. Ничего не изменилось.
export-intro = Вот всё, что я храню о вас:

## Проблемы

err-unknown-command = Я не знаю команду /{ $command }. /help покажет, что я умею.
err-not-understood = Я не понял это сообщение.
err-use-buttons = Пожалуйста, ответьте одной из кнопок.
err-stale-button = Эта кнопка устарела. Вот текущий вопрос.
err-unsupported-input = Я читаю только текст и кнопки.
err-first-question = Это первый вопрос.
err-storage = Извините, сейчас не получилось сохранить ваш ответ. Пожалуйста, отправьте его ещё раз через минуту.
store-reset-notice = Бот обновился и не смог прочитать ваши прежние ответы. Извините! Ответьте, пожалуйста, на вопросы ещё раз — это займёт минуту.
