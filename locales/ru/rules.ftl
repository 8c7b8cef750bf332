### Правила Казахстана: план, шаги, документы, сроки, заметки и источники,
### а также отчёт о каталоге для проверяющих юристов. Даты, суммы и ссылки
### приходят готовым текстом; числа для форм множественного числа — числами.

-egov = egov.kz
-psc = ЦОН
-enbek-migration = migration.enbek.kz
-migration-police = { $case ->
    [acc] миграционную полицию
    [gen] миграционной полиции
    [prep] миграционной полиции
   *[nom] миграционная полиция
}
-mci = МРП
-iin = ИИН
-trp = РВП
-labour-permit = разрешение трудовому иммигранту

## План: статус

plan-lines = { $lines }
plan-separator = { "" }
plan-status-legal = Последний законный день: { $date } — { $days ->
    [0] сегодня последний день
    [one] остался { $days } день
    [few] осталось { $days } дня
    [many] осталось { $days } дней
   *[other] осталось { $days } дня
}
plan-status-overstay = Законный срок пребывания закончился { $date }. Превышение: { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}.
plan-overstay-now = Что делать сейчас: выехать из Казахстана или сегодня же обратиться в { -migration-police(case: "acc") }, чтобы урегулировать пребывание. Пожалуйста, не откладывайте.
plan-status-unknown = По тому, что я знаю, я пока не могу рассчитать ваш срок пребывания.
plan-official-help = Пожалуйста, уточните в { -psc }, на { -egov } или в { -migration-police(case: "prep") }.
plan-deadlines-header = Главные даты:
plan-deadline = { $kind }: { $date } ({ $rule })

## План: список шагов

plan-checklist-header = Ваши шаги — выполнено { $done } из { $total }
plan-no-steps = Пока шагов нет.
plan-step = { $n }. { $title } ({ $rule })
plan-step-done = ✓ { $n }. { $title } ({ $rule })
plan-step-due = Срок: { $date }
plan-step-where = Где: { $link }
plan-step-documents = Документы:
plan-step-document = • { $doc }
plan-step-free = Стоимость: бесплатно
plan-step-cost = Стоимость: { $cost } тенге
plan-step-cost-monthly = Стоимость: { $cost } тенге в месяц
plan-step-cost-estimate = Стоимость: около { $cost } тенге (оценка)
plan-step-cost-monthly-estimate = Стоимость: около { $cost } тенге в месяц (оценка)

## План: заметки, источники, оговорка

plan-notes-header = Полезно знать:
plan-note = • { $note } ({ $rule })
plan-note-plain = • { $note }
plan-sources-header = Откуда эти сведения:
plan-sources-none = В этом плане пока нет правил.
plan-source-rule = { $rule } { $title } — проверено { $date }
plan-source = – { $url } ({ $kind ->
    [updated] обновлено { $date }
    [checked] проверено { $date }
   *[published] { $date }
})
plan-source-undated = – { $url } (без даты)
plan-disclaimer = Это информация, а не юридическая консультация. Правила меняются: пожалуйста, уточняйте в { -psc }, на { -egov } или в { -migration-police(case: "prep") }.

## The plan as phone screens

plan-home-unconfirmed = ⚠️ Не всё здесь подтверждено: см. «Полезно знать».
plan-next-header = Что сделать дальше:
plan-all-done = Все шаги выполнены. ✓
plan-notes-none = Пока больше ничего.
plan-unconfirmed = ⚠️ Не подтверждено, пожалуйста, проверьте.
plan-list-step = { $mark }{ $n }. { $title } — { $date }
plan-list-step-undated = { $mark }{ $n }. { $title }
plan-key-date = { $kind }: { $date }


## Шаги: короткое название (и на кнопке «выполнено») и как это сделать

step-unknown = Шаг вашего плана
step-leave-or-regularise = Сейчас же выезжайте или идите в { -migration-police(case: "acc") }
    .short = Выехать или в полицию
step-leave-or-regularise-how = Каждый лишний день ухудшает положение. Возьмите паспорт.
step-host-notice-check = Проверьте, что принимающая сторона сообщила о вашем прибытии
    .short = Уведомление о прибытии
step-host-notice-check-how = Принимающая сторона (гостиница, хозяин жилья, работодатель или частное лицо) должна уведомить { -migration-police(case: "acc") } до даты ниже. Попросите показать уведомление.
step-self-register = Зарегистрируйтесь в { -migration-police(case: "prep") }
    .short = Зарегистрироваться
step-self-register-how = Внесите свои данные и адрес принимающей стороны в систему { -migration-police(case: "gen") }. Хозяин жилья подтвердит в приложении, и вы получите электронную справку.
step-employer-permit-check = Убедитесь, что работодатель может нанимать иностранцев
    .short = Разрешение работодателя
step-employer-permit-check-how = Разрешение на привлечение иностранной рабочей силы получает работодатель, а не вы, в местном исполнительном органе. Попросите показать его до начала работы.
step-register-contract = Убедитесь, что трудовой договор зарегистрирован
    .short = Регистрация договора
step-register-contract-how = Гражданам ЕАЭС разрешение на работу не нужно, но договор должен быть внесён в ЕСУТД или быть гражданско-правовым.
step-get-iin = Получите { -iin }
    .short = Получить { -iin }
step-get-iin-how = В { -psc }, лично. { -iin } нужен для работы, банка и налогов.
step-labour-tax-prepay = Оплатите авансом подоходный налог за разрешение
    .short = Налог за разрешение
step-labour-tax-prepay-how = Платите по месту жительства за каждый месяц разрешения, до подачи заявления. Сохраните квитанции.
step-labour-permit-apply = Подайте заявление на { -labour-permit }
    .short = Заявление на разрешение
step-labour-permit-apply-how = Только онлайн, на eGov (услуга 38-1). Заявление подписываете вы и работодатель. Сначала нужен { -iin }.
step-labour-permit-extend = Продлите { -labour-permit }
    .short = Продлить разрешение
step-labour-permit-extend-how = Сначала оплатите налог за новые месяцы, затем подайте заявление на eGov до окончания разрешения.
step-kandas-apply = Подайте заявление на статус кандаса
    .short = Статус кандаса
step-kandas-apply-how = На { -enbek-migration }, в приложении Enbek Migration, в консульстве или в { -psc }.
step-nomad-visa-apply = Подайте на визу Neo Nomad (B12-1)
    .short = Виза Neo Nomad
step-nomad-visa-apply-how = Для тех, кто работает удалённо и получает стабильный доход из-за рубежа (сколько именно — в документах ниже), без судимости и со страховкой.
step-apply-trp = Получите разрешение на временное проживание ({ -trp })
    .short = Получить { -trp }
step-apply-trp-how = Подайте заявление на { -egov } или в { -psc } до окончания разрешённого срока. Обычно это занимает 1–2 рабочих дня.
step-study-trp = Получите { -trp } для учёбы
    .short = { -trp } для учёбы
step-study-trp-how = Заявление подаёт ваше учебное заведение. Передайте им документы заранее.
step-family-trp = Получите { -trp }, чтобы жить с семьёй
    .short = { -trp } для семьи
step-family-trp-how = Подайте заявление на { -egov } или в { -psc } с документом о родстве.
step-renew-trp = Продлите { -trp }
    .short = Продлить { -trp }
step-renew-trp-how = Подайте заявление до окончания срока, на { -egov } или в { -psc }.
step-employer-permit-renewal = Проверьте, что работодатель продлевает своё разрешение
    .short = Продление у работодателя
step-employer-permit-renewal-how = Срок вашего { -trp } связан со сроком разрешения работодателя. Спросите о продлении заранее.
step-leave-by-last-day = Выезжайте не позже последнего законного дня
    .short = Выезд до последнего дня
step-leave-by-last-day-how = Или до этого получите нужное разрешение. Остаться дольше — нарушение срока пребывания, возможен штраф.

## Документы

doc-application-form = Заявление
doc-passport = Паспорт
doc-health-insurance = Медицинская страховка
doc-owner-consent = Нотариальное согласие собственника жилья
doc-fingerprint-certificate = Справка о дактилоскопической регистрации
doc-purpose-documents = Документы о цели пребывания
doc-employment-contract = Трудовой договор
doc-application-signed-both = Заявление, подписанное вами и работодателем
doc-tax-receipts = Квитанции об уплате налога авансом
doc-passport-border-mark = Паспорт с отметкой о пересечении границы за последние { $border_mark_months } { $border_mark_months ->
    [one] месяц
    [few] месяца
   *[many] месяцев
}
doc-medical-certificate-028 = Медицинская справка формы 028/у, выданная не ранее { $medical_certificate_months } { $medical_certificate_months ->
    [one] месяца
   *[many] месяцев
} назад
doc-health-insurance-full-term = Медицинская страховка на весь срок разрешения
doc-intent-agreement = Соглашение о намерении принять на работу (первое разрешение) или трудовой договор (продление)
doc-passport-translation = Нотариальный перевод паспорта, если имя записано не кириллицей и не латиницей
doc-institution-request = Ходатайство учебного заведения
doc-family-tie-proof = Документ, подтверждающий родство
doc-income-proof = Подтверждение дохода более { $income_usd_per_month } долларов США в месяц за { $income_months } { $income_months ->
    [one] месяц
    [few] месяца
   *[many] месяцев
}
doc-clean-record = Справка об отсутствии судимости

## Сроки

deadline-stay-limit = Последний законный день
deadline-registration = Срок регистрации
deadline-host-notice = Срок уведомления о прибытии
deadline-trp-end = { -trp } заканчивается
deadline-permit-end = Разрешение заканчивается
deadline-visa-end = Виза заканчивается
deadline-tax-prepayment = Срок оплаты налога за разрешение
deadline-document-validity = Последний день, когда отметка о пересечении границы годится для разрешения

## Заметки

note-need-citizenship = Укажите гражданство, чтобы я мог подобрать ваши правила.
note-home-citizen = Вы гражданин Казахстана: эти правила пребывания — для иностранцев.
note-need-entry = Укажите дату последнего въезда в Казахстан, чтобы я посчитал ваши дни.
note-not-in-table = Вашей страны нет в моём списке безвизовых стран, поэтому, скорее всего, нужна виза. Мой список неполный: уточните на { -egov } или в { -migration-police(case: "prep") }.
note-visa-required = Гражданам вашей страны нужна виза. Укажите, есть ли у вас виза и когда она заканчивается.
note-need-trp-end = Укажите, когда заканчивается ваше { -trp }, чтобы я посчитал срок.
note-need-visa-end = Укажите, когда заканчивается виза: срок пребывания определяют её даты.
note-need-permit-end = Укажите, когда заканчивается разрешение, чтобы я вовремя напомнил.
note-trp-ended-before-entry = Срок { -trp } закончился до вашего въезда, поэтому оно не покрывает это пребывание. Проверьте даты.
note-visa-ended-before-entry = Срок визы закончился до вашего въезда, поэтому она не покрывает это пребывание. Проверьте даты.
note-rules-before = Въезды до { $date } считались по прежним правилам, которых у меня нет. Пожалуйста, уточните в { -migration-police(case: "prep") }.
note-exit-day-counted = День выезда я считаю днём пребывания. Это не подтверждено, но так безопаснее.
note-prior-days-unknown = Я не знаю ваших прежних дней здесь и посчитал их как ноль. Реальный срок может закончиться раньше: посчитайте свои дни за последние 180.
note-window-used-up = Прежние дни, возможно, уже исчерпали весь разрешённый срок. Пожалуйста, сразу обратитесь в { -migration-police(case: "acc") }.
note-overstay-warning = Превышение до { $days ->
    [one] { $days } дня
    [few] { $days } дней
    [many] { $days } дней
   *[other] { $days } дня
}: предупреждение.
note-overstay-fine = Превышение до { $days ->
    [one] { $days } дня
    [few] { $days } дней
    [many] { $days } дней
   *[other] { $days } дня
}: штраф { $mci } { -mci } ({ $cost } тенге).
note-overstay-longer = Превышение больше { $days ->
    [one] { $days } дня
    [few] { $days } дней
    [many] { $days } дней
   *[other] { $days } дня
}: штрафы выше, возможно выдворение. Точные суммы не подтверждены.
note-overstay-ban = После выдворения по решению суда въезд запрещён на { $years ->
    [one] { $years } год
    [few] { $years } года
    [many] { $years } лет
   *[other] { $years } года
}. За повторные нарушения могут не впустить в страну.
note-kandas-clock-runs = Важно: пока заявление на статус кандаса рассматривается, безвизовые дни продолжают идти. Людей штрафовали за то, что они думали иначе.
note-no-paid-work-visa-free = При безвизовом пребывании оплачиваемая работа запрещена. Начинайте работать только после оформления разрешений.
note-no-work-or-study-visa-free = Гражданам вашей страны безвизовое пребывание не даёт права работать или учиться. Уточните в { -migration-police(case: "prep") }, какая виза нужна.
note-remote-work = Удалённая работа на работодателя за рубежом: для этого есть виза Neo Nomad. Проверьте, подходит ли она вам.
note-need-employer = Укажите, кто вас нанимает (частное лицо, компания или работодатель за рубежом), чтобы я показал ваши шаги.
note-household-not-eligible = Разрешение трудовому иммигранту для работы у физлица не выдаётся гражданам вашей страны. Уточните свои варианты в { -migration-police(case: "prep") }.
note-household-eligibility-unconfirmed = Вашу страну для разрешения трудовому иммигранту называет только старый источник. Уточните на { -egov } перед подачей.
note-labour-permit-term-unconfirmed = Разрешение выдаётся на срок от { $min_months } до { $max_months } { $max_months ->
    [one] месяца
   *[many] месяцев
}. Наибольший общий срок и возрастные рамки (18–60 лет) не подтверждены.
note-employer-change = При смене работодателя { -trp } нужно переоформить в течение { $days ->
    [one] { $days } дня
    [few] { $days } дней
    [many] { $days } дней
   *[other] { $days } дня
}.
note-student-rules = По студенческой визе работать нельзя. После окончания учёбы нужно выехать.
note-family-term = { -trp } для семьи обычно выдают до 1 года и не дольше срока разрешения вашего родственника.
note-nomad-no-local-work = Владельцам визы Neo Nomad нельзя работать на работодателей в Казахстане.
note-trp-fee-unknown = Государственный сбор за { -trp } я не нашёл; уточните при подаче.
note-host-notice-after-self-registration = Не подтверждено, нужно ли уведомление принимающей стороны вместе с самостоятельной регистрацией (с { $date }). Надёжнее сделать и то, и другое.
note-self-registration-move = При переезде зарегистрируйтесь по новому адресу в течение { $days ->
    [one] { $days } рабочего дня
    [few] { $days } рабочих дней
    [many] { $days } рабочих дней
   *[other] { $days } рабочего дня
}.
note-holidays-unknown = У меня нет списка праздников на { $year } год, поэтому я пропустил только выходные. Настоящий срок может быть немного позже.
note-cost-estimate = { -mci } на { $year } год ещё неизвестен; суммы посчитаны по { $used } году и являются оценкой.
note-confirm-uncertain = Некоторые правила здесь подтверждены не полностью ({ $rules }). Пожалуйста, уточните в { -psc }, на { -egov } или в { -migration-police(case: "prep") }.
note-country-uncertain = Правила пребывания для вашей страны подтверждены не полностью (достоверность: { $confidence }). Я считаю осторожно; уточните в { -migration-police(case: "prep") }.
note-azerbaijan-registration = Граждане Азербайджана, находящиеся здесь больше 30 дней, должны зарегистрироваться (не полностью подтверждено). Уточните в { -migration-police(case: "prep") }.
note-group-unconfirmed = По старым источникам для вашей страны разрешено до 90 дней. Пока это не подтверждено, я считаю { $per_entry_days } { $per_entry_days ->
        [one] день
        [few] дня
       *[many] дней
    } за въезд и { $window_limit_days } из { $window_days }.
note-turkmenistan-regional-exception = Жители Балканского велаята могут находиться 5 дней без визы в Атырауской и Мангистауской областях. Уточните в { -migration-police(case: "prep") }, относится ли это к вам.

## Достоверность

confidence-high = высокая
confidence-medium = средняя
confidence-low = низкая

## Правила

rule-r1 = Безвизовое пребывание: { $per_entry_days } { $per_entry_days ->
    [one] день
    [few] дня
   *[many] дней
} за въезд, { $window_limit_days } из { $window_days }
rule-r2 = Граждане ЕАЭС: { $window_limit_days } { $window_limit_days ->
    [one] день
    [few] дня
   *[many] дней
} из { $window_days }
rule-r6 = Уведомление о прибытии от принимающей стороны
rule-r7 = Самостоятельная регистрация в течение { $calendar_days } { $calendar_days ->
    [one] дня
   *[many] дней
}
rule-r8 = Превышение срока пребывания
rule-r9 = Разрешение на временное проживание
rule-r10 = { -trp } для работников и их семей
rule-r11 = Разрешение трудовому иммигранту (работа у физлица)
rule-r12 = Авансовый подоходный налог за разрешение
rule-r13 = Разрешение работодателю на привлечение иностранной рабочей силы
rule-r14 = { -iin }
rule-r15 = Студенты
rule-r16 = Воссоединение семьи
rule-r17 = Кандасы
rule-r18 = Цифровые кочевники
rule-r19 = ПМЖ: пребывание за границей

## Группы стран

rule-group-eaeu = Страны ЕАЭС
rule-group-uzbekistan = Узбекистан
rule-group-tajikistan = Таджикистан
rule-group-azerbaijan = Азербайджан
rule-group-unconfirmed-90 = Страны с неподтверждёнными правилами
rule-group-china = Китай
rule-group-turkey = Турция
rule-group-india-iran = Индия и Иран
rule-group-one-sided = Страны одностороннего безвизового режима
rule-group-visa-required = Нужна виза

## Праздники

rule-holiday-new-year = Новый год
rule-holiday-orthodox-christmas = Православное Рождество
rule-holiday-womens-day = Международный женский день
rule-holiday-nauryz = Наурыз мейрамы
rule-holiday-unity-day = Праздник единства народа Казахстана
rule-holiday-defender-day = День защитника Отечества
rule-holiday-victory-day = День Победы
rule-holiday-kurban-ait = Курбан айт (первый день)
rule-holiday-capital-day = День столицы
rule-holiday-constitution-day = День Конституции
rule-holiday-republic-day = День Республики
rule-holiday-independence-day = День Независимости

## Параметры правил (отчёт о каталоге)

rule-param-per-entry-days = Дней за один въезд
rule-param-window-days = Период, дней
rule-param-window-limit-days = Разрешённых дней в периоде
rule-param-visa-runs-end = «Визаран» перестал работать с
rule-param-working-days = Рабочих дней
rule-param-host-fine-small-business-mci = Штраф принимающей стороне: должностные лица, малый бизнес, НКО ({ -mci })
rule-param-host-fine-medium-business-mci = Штраф принимающей стороне: средний бизнес ({ -mci })
rule-param-host-fine-large-business-mci = Штраф принимающей стороне: крупный бизнес ({ -mci })
rule-param-in-force-from = Действует с
rule-param-calendar-days = Календарных дней
rule-param-move-working-days = Рабочих дней на регистрацию после переезда
rule-param-warning-max-days = Превышение с предупреждением, до дней
rule-param-fine-max-days = Превышение со штрафом, до дней
rule-param-fine-mci = Штраф ({ -mci })
rule-param-entry-ban-years = Запрет въезда после выдворения по суду, лет
rule-param-stay-over-days = { -trp } нужно при пребывании свыше, дней
rule-param-stay-over-days-eaeu = { -trp } для граждан ЕАЭС при пребывании свыше, дней
rule-param-eaeu-group = Группа ЕАЭС
rule-param-processing-working-days-max = Рассмотрение, не более рабочих дней
rule-param-fingerprints-required-from = Дактилоскопия обязательна с
rule-param-late-application-days-unconfirmed = Допустимая задержка подачи, дней (не подтверждено)
rule-param-max-months = Наибольший срок, месяцев
rule-param-employer-change-days = Дней на переоформление { -trp } при смене работодателя
rule-param-eligible = Гражданства, которым доступно
rule-param-eligible-unconfirmed = Гражданства, которым доступно (не подтверждено)
rule-param-min-months = Наименьший срок, месяцев
rule-param-online-only-from = Только онлайн с
rule-param-processing-days = Рассмотрение, дней
rule-param-border-mark-months = Отметка о пересечении границы не старше, месяцев
rule-param-medical-certificate-months = Медсправка не старше, месяцев
rule-param-fee-mci-per-month = Налог в месяц ({ -mci })
rule-param-vacancy-posting-days = Вакансия на enbek.kz не менее чем за, дней
rule-param-vacancy-posting-from = Правило о вакансии действует с
rule-param-intra-corporate-years = Внутрикорпоративный перевод, лет
rule-param-fee-mci = Сбор ({ -mci })
rule-param-in-person-from = Только лично с
rule-param-decision-working-days = Решение, рабочих дней
rule-param-extension-months = Продление, не более месяцев
rule-param-income-usd-per-month = Доход в месяц свыше, долларов США
rule-param-income-months = Доход за период, месяцев
rule-param-absence-days = Дней за границей в календарном году, после которых разрешение аннулируется, свыше

## Отчёт о каталоге

rule-report-title = Каталог правил: правил — { $rules }, стран — { $countries }, групп — { $groups }
rule-report-intro = Во что верит бот: с источниками, датами проверки и достоверностью, для проверки. Это информация, а не юридическая консультация.
rule-report-rule = { $rule } — { $title } ({ $slug })
rule-report-confidence = Достоверность: { $confidence }. Проверено: { $date }.
rule-report-param = { $name }: { $value }
rule-report-documents = Документы:
rule-report-link = Где: { $link }
rule-report-sources = Источники:
rule-report-groups-header = Группы стран
rule-report-home = { $code }: граждане; эти правила не для них.
rule-report-group = { $group } — { $rule }, достоверность: { $confidence }
rule-report-visa-required = Нужна виза; срок пребывания определяют даты визы.
rule-report-per-entry = До { $days ->
    [one] { $days } дня
    [few] { $days } дней
    [many] { $days } дней
   *[other] { $days } дня
} за один въезд
rule-report-window = Не более { $limit ->
    [one] { $limit } дня
    [few] { $limit } дней
    [many] { $limit } дней
   *[other] { $limit } дня
} из любых { $window }
rule-report-work-without-permit = Можно работать по договору без разрешения
rule-report-no-work-or-study = При безвизовом пребывании нельзя работать и учиться
rule-report-self-registration = Может действовать самостоятельная регистрация (R7)
rule-report-valid-from = Для въездов с { $date }
rule-report-countries = { $codes } — { $source } ({ $date }), достоверность: { $confidence }
rule-report-default-group = Сюда относится любая страна, которой нет в таблице.
rule-report-holidays = Праздники { $year } года (достоверность: { $confidence }; { $source })
rule-report-holiday = { $date } — { $name }
rule-report-substitutes = Перенесённые постановлением выходные не учтены, поэтому сроки в рабочих днях могут выйти только раньше настоящих.
rule-report-mci-header = { -mci } по годам
rule-report-mci = { $year }: { $amount } тенге — { $source } ({ $date })
rule-report-mci-undated = { $year }: { $amount } тенге — { $source }
rule-report-mci-fallback = Для года, которого нет в таблице, суммы считаются по последнему известному году и помечаются как оценка.
