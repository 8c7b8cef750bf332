### Kazakhstan rules: the plan, its steps, documents, deadlines, notes and sources,
### and the catalogue report for reviewers. Dates, money and links arrive as
### ready-made text; counts arrive as numbers for plurals.

-egov = egov.kz
-psc = Public Service Center
-enbek-migration = migration.enbek.kz
-migration-police = migration police
-mci = MCI
-iin = IIN
-trp = TRP
-labour-permit = labour-immigrant permit

## The plan: status

plan-lines = { $lines }
plan-separator = { "" }
plan-status-legal = Last legal day: { $date } — { $days ->
    [0] today is your last day
    [one] { $days } day left
   *[other] { $days } days left
}
plan-status-overstay = Your legal stay ended on { $date }. You are { $days ->
    [one] { $days } day
   *[other] { $days } days
} over.
plan-overstay-now = What to do now: leave Kazakhstan, or go to the { -migration-police } today to put your stay right. Please do not wait.
plan-status-unknown = I cannot work out your stay from what I know yet.
plan-official-help = Please ask at a { -psc }, on { -egov } or at the { -migration-police }.
plan-deadlines-header = Key dates:
plan-deadline = { $kind }: { $date } ({ $rule })

## The plan: checklist

plan-checklist-header = Your steps — { $done } of { $total } done
plan-no-steps = No steps for now.
plan-step = { $n }. { $title } ({ $rule })
plan-step-done = ✓ { $n }. { $title } ({ $rule })
plan-step-due = By: { $date }
plan-step-where = Where: { $link }
plan-step-documents = Documents:
plan-step-document = • { $doc }
plan-step-free = Cost: free
plan-step-cost = Cost: { $cost } tenge
plan-step-cost-monthly = Cost: { $cost } tenge per month
plan-step-cost-estimate = Cost: about { $cost } tenge (estimate)
plan-step-cost-monthly-estimate = Cost: about { $cost } tenge per month (estimate)

## The plan: notes, sources, disclaimer

plan-notes-header = Good to know:
plan-note = • { $note } ({ $rule })
plan-note-plain = • { $note }
plan-sources-header = Where this comes from:
plan-sources-none = This plan uses no rules yet.
plan-source-rule = { $rule } { $title } — checked { $date }
plan-source = – { $url } ({ $kind ->
    [updated] updated { $date }
    [checked] checked { $date }
   *[published] { $date }
})
plan-source-undated = – { $url } (no date)
plan-disclaimer = This is information, not legal advice. Rules change: please confirm at a { -psc }, on { -egov } or with the { -migration-police }.

## The plan as phone screens: the first screen, lists, the unconfirmed mark

plan-home-unconfirmed = ⚠️ Some of this is not confirmed: see “Good to know”.
plan-next-header = What to do next:
plan-all-done = All your steps are done. ✓
plan-notes-none = Nothing more for now.
plan-unconfirmed = ⚠️ Not confirmed, please check.
plan-list-step = { $mark }{ $n }. { $title } — { $date }
plan-list-step-undated = { $mark }{ $n }. { $title }
plan-key-date = { $kind }: { $date }


## Steps: a short title (also on the done button) and how to do it

step-unknown = A step of your plan
step-leave-or-regularise = Leave Kazakhstan or go to the { -migration-police } now
    .short = Leave or go to the police
step-leave-or-regularise-how = Every extra day makes it worse. Take your passport.
step-host-notice-check = Check that your host has reported your arrival
    .short = Host's arrival notice
step-host-notice-check-how = Your host (hotel, landlord, employer or a private person) must notify the { -migration-police } by the date below. Ask them to show you the notice.
step-self-register = Register with the { -migration-police }
    .short = Register your stay
step-self-register-how = Enter your details and your host's address in the { -migration-police } system. Your host confirms in the app, and you get an e-certificate.
step-employer-permit-check = Check that your employer may hire foreign workers
    .short = Employer's hiring permit
step-employer-permit-check-how = Your employer, not you, gets this permit from the local authority. Ask to see it before you start work.
step-register-contract = Check that your work contract is registered
    .short = Check your work contract
step-register-contract-how = EAEU citizens need no work permit, but the contract must be in the state contracts system (ЕСУТД), or be a civil-law contract.
step-get-iin = Get your { -iin }
    .short = Get your { -iin }
step-get-iin-how = At a { -psc }, in person. You need it for work, banks and taxes.
step-labour-tax-prepay = Pay the advance income tax for your permit
    .short = Pay the permit tax
step-labour-tax-prepay-how = Pay where you live, for every month of the permit, before you apply. Keep the receipts.
step-labour-permit-apply = Apply for a { -labour-permit }
    .short = Apply for a labour permit
step-labour-permit-apply-how = Online only, on eGov (service 38-1). You and your employer both sign. You need your { -iin } first.
step-labour-permit-extend = Extend your { -labour-permit }
    .short = Extend your labour permit
step-labour-permit-extend-how = Pay the tax for the new months first, then apply on eGov before the permit ends.
step-kandas-apply = Apply for kandas status
    .short = Apply for kandas status
step-kandas-apply-how = On { -enbek-migration }, in the Enbek Migration app, at a consulate or at a { -psc }.
step-nomad-visa-apply = Apply for the Neo Nomad visa (B12-1)
    .short = Apply for Neo Nomad visa
step-nomad-visa-apply-how = For remote workers with a steady income from abroad (the documents below say how much), a clean record and insurance.
step-apply-trp = Get a temporary residence permit ({ -trp })
    .short = Get a { -trp }
step-apply-trp-how = Apply on { -egov } or at a { -psc } before your allowed stay ends. It usually takes 1–2 working days.
step-study-trp = Get a { -trp } for your studies
    .short = { -trp } for studies
step-study-trp-how = Your school or university applies for it. Give them your documents in good time.
step-family-trp = Get a { -trp } to live with your family
    .short = { -trp } for your family
step-family-trp-how = Apply on { -egov } or at a { -psc } with proof of your family tie.
step-renew-trp = Renew your { -trp }
    .short = Renew your { -trp }
step-renew-trp-how = Apply before it ends, on { -egov } or at a { -psc }.
step-employer-permit-renewal = Check that your employer renews its permit
    .short = Employer's permit renewal
step-employer-permit-renewal-how = Your { -trp } follows the term of your employer's permit. Ask about the renewal early.
step-leave-by-last-day = Leave Kazakhstan by your last legal day
    .short = Leave by your last day
step-leave-by-last-day-how = Or get the right permit before then. Staying longer is an overstay and can bring a fine.

## Documents

doc-application-form = Application form
doc-passport = Passport
doc-health-insurance = Health insurance
doc-owner-consent = Notarised consent of the housing owner
doc-fingerprint-certificate = Fingerprint registration certificate
doc-purpose-documents = Documents for the purpose of your stay
doc-employment-contract = Employment contract
doc-application-signed-both = Application signed by you and your employer
doc-tax-receipts = Receipts for the advance income tax
doc-passport-border-mark = Passport with a border-crossing mark from the last { $border_mark_months } months
doc-medical-certificate-028 = Medical certificate, form 028/у, issued within { $medical_certificate_months } months
doc-health-insurance-full-term = Health insurance for the whole permit
doc-intent-agreement = Agreement of intent to hire (first permit) or employment contract (extension)
doc-passport-translation = Notarised passport translation, if your name is in neither Cyrillic nor Latin letters
doc-institution-request = Request from your school or university
doc-family-tie-proof = Proof of your family tie
doc-income-proof = Proof of income over USD { $income_usd_per_month } a month for { $income_months } months
doc-clean-record = Certificate of no criminal record

## Deadlines

deadline-stay-limit = Last legal day
deadline-registration = Registration deadline
deadline-host-notice = Deadline for the host's arrival notice
deadline-trp-end = { -trp } ends
deadline-permit-end = Permit ends
deadline-visa-end = Visa ends
deadline-tax-prepayment = Deadline for the permit tax
deadline-document-validity = Last day the border mark counts for a permit

## Notes

note-need-citizenship = Tell me your citizenship so I can work out your rules.
note-home-citizen = You are a citizen of Kazakhstan: these stay rules are for foreigners.
note-need-entry = Tell me the date you last entered Kazakhstan so I can count your days.
note-not-in-table = Your country is not on my list of visa-free countries, so you probably need a visa. My list is not complete: please check on { -egov } or with the { -migration-police }.
note-visa-required = Citizens of your country need a visa. Tell me if you have one and when it ends.
note-need-trp-end = Tell me when your { -trp } ends so I can count your stay.
note-need-visa-end = Tell me when your visa ends: its dates rule your stay.
note-need-permit-end = Tell me when your permit ends so I can remind you in time.
note-trp-ended-before-entry = Your { -trp } end date is before your entry, so it does not cover this stay. Please check the dates.
note-visa-ended-before-entry = Your visa end date is before your entry, so it does not cover this stay. Please check the dates.
note-rules-before = Entries before { $date } were counted under older rules I do not have. Please ask the { -migration-police }.
note-exit-day-counted = I count the day you leave as a day in Kazakhstan. This is not confirmed, but it is the safer way.
note-prior-days-unknown = I do not know your earlier days here, so I counted none. Your real limit may be earlier: count your days in the last 180.
note-window-used-up = Your earlier days may already use up all the days you are allowed. Please go to the { -migration-police } now.
note-overstay-warning = Up to { $days ->
    [one] { $days } day
   *[other] { $days } days
} over: a warning.
note-overstay-fine = Up to { $days ->
    [one] { $days } day
   *[other] { $days } days
} over: a fine of { $mci } { -mci } ({ $cost } tenge).
note-overstay-longer = More than { $days ->
    [one] { $days } day
   *[other] { $days } days
} over: larger fines and possibly expulsion. The exact amounts are not confirmed.
note-overstay-ban = Expulsion by a court bans entry for { $years ->
    [one] { $years } year
   *[other] { $years } years
}. Repeated violations can lead to refused entry.
note-kandas-clock-runs = Important: your visa-free days keep running while your kandas application is pending. People have been fined for thinking otherwise.
note-no-paid-work-visa-free = Paid work is not allowed on a visa-free stay. Start work only when your permits are in place.
note-no-work-or-study-visa-free = For citizens of your country, a visa-free stay allows neither work nor study. Ask the { -migration-police } which visa you need.
note-remote-work = Working remotely for an employer abroad: the Neo Nomad visa is made for this. Check whether it fits you.
note-need-employer = Tell me who employs you (a household, a company or an employer abroad) so I can show your steps.
note-household-not-eligible = The household-work permit is not open to citizens of your country. Please ask the { -migration-police } about your options.
note-household-eligibility-unconfirmed = Only an older source lists your country for the household-work permit. Please confirm on { -egov } before you apply.
note-labour-permit-term-unconfirmed = A permit is for { $min_months } to { $max_months } months. The longest total term and the age limit (18–60) are not confirmed.
note-employer-change = If you change employer, your { -trp } must be re-issued within { $days ->
    [one] { $days } day
   *[other] { $days } days
}.
note-student-rules = On a student visa you may not work. When your studies end, you must leave.
note-family-term = A family { -trp } is usually for up to 1 year and never longer than your relative's own permit.
note-nomad-no-local-work = Neo Nomad visa holders may not work for employers in Kazakhstan.
note-trp-fee-unknown = I found no state fee for a { -trp }; please ask when you apply.
note-host-notice-after-self-registration = It is not confirmed whether the host's notice is still needed next to self-registration (since { $date }). Doing both is safe.
note-self-registration-move = If you move, register at the new address within { $days ->
    [one] { $days } working day
   *[other] { $days } working days
}.
note-holidays-unknown = I have no holiday list for { $year }, so I skipped only weekends. The real deadline may be a little later.
note-cost-estimate = The { -mci } for { $year } is not known yet; costs use { $used } and are estimates.
note-confirm-uncertain = Some rules here are not fully confirmed ({ $rules }). Please check at a { -psc }, on { -egov } or with the { -migration-police }.
note-country-uncertain = The stay rules for your country are not fully confirmed (confidence: { $confidence }). I count them the safe way; please confirm with the { -migration-police }.
note-azerbaijan-registration = Citizens of Azerbaijan staying over 30 days must register (not fully confirmed). Please ask the { -migration-police }.
note-group-unconfirmed = Older sources give your country up to 90 days. Until that is confirmed, I count { $per_entry_days } days per entry and { $window_limit_days } in { $window_days }.
note-turkmenistan-regional-exception = Residents of Balkan velayat may spend 5 days without a visa in the Atyrau and Mangystau regions. Ask the { -migration-police } if this is you.

## Confidence

confidence-high = high
confidence-medium = medium
confidence-low = low

## Rules

rule-r1 = Visa-free stay: { $per_entry_days ->
    [one] { $per_entry_days } day
   *[other] { $per_entry_days } days
} per entry, { $window_limit_days } in { $window_days }
rule-r2 = EAEU citizens: { $window_limit_days } days in { $window_days }
rule-r6 = The host's arrival notice
rule-r7 = Self-registration within { $calendar_days ->
    [one] { $calendar_days } day
   *[other] { $calendar_days } days
}
rule-r8 = Overstay
rule-r9 = Temporary residence permit
rule-r10 = { -trp } for workers and their families
rule-r11 = Labour-immigrant permit (household work)
rule-r12 = Advance income tax for the permit
rule-r13 = Employer's permit for foreign workers
rule-r14 = { -iin }
rule-r15 = Students
rule-r16 = Family reunification
rule-r17 = Kandas
rule-r18 = Digital nomads
rule-r19 = Permanent residence: time abroad

## Country groups

rule-group-eaeu = EAEU states
rule-group-uzbekistan = Uzbekistan
rule-group-tajikistan = Tajikistan
rule-group-azerbaijan = Azerbaijan
rule-group-unconfirmed-90 = Countries with unconfirmed rules
rule-group-china = China
rule-group-turkey = Türkiye
rule-group-india-iran = India and Iran
rule-group-one-sided = One-sided visa-free states
rule-group-visa-required = Visa required

## Public holidays

rule-holiday-new-year = New Year
rule-holiday-orthodox-christmas = Orthodox Christmas
rule-holiday-womens-day = International Women's Day
rule-holiday-nauryz = Nauryz
rule-holiday-unity-day = Unity Day of the People of Kazakhstan
rule-holiday-defender-day = Defender of the Fatherland Day
rule-holiday-victory-day = Victory Day
rule-holiday-kurban-ait = Kurban Ait (first day)
rule-holiday-capital-day = Capital Day
rule-holiday-constitution-day = Constitution Day
rule-holiday-republic-day = Republic Day
rule-holiday-independence-day = Independence Day

## Rule parameters (catalogue report)

rule-param-per-entry-days = Days per entry
rule-param-window-days = Window, days
rule-param-window-limit-days = Days allowed in the window
rule-param-visa-runs-end = Visa runs stopped from
rule-param-working-days = Working days
rule-param-host-fine-small-business-mci = Host's fine: officials, small businesses, NGOs ({ -mci })
rule-param-host-fine-medium-business-mci = Host's fine: medium businesses ({ -mci })
rule-param-host-fine-large-business-mci = Host's fine: large businesses ({ -mci })
rule-param-in-force-from = In force from
rule-param-calendar-days = Calendar days
rule-param-move-working-days = Working days to register again after moving
rule-param-warning-max-days = Overstay with a warning, up to days
rule-param-fine-max-days = Overstay with a fine, up to days
rule-param-fine-mci = Fine ({ -mci })
rule-param-entry-ban-years = Entry ban after expulsion by a court, years
rule-param-stay-over-days = { -trp } needed for stays over, days
rule-param-stay-over-days-eaeu = { -trp } needed for EAEU citizens over, days
rule-param-eaeu-group = EAEU group
rule-param-processing-working-days-max = Processing, working days at most
rule-param-fingerprints-required-from = Fingerprints required from
rule-param-late-application-days-unconfirmed = Late application allowed, days (not confirmed)
rule-param-max-months = Longest term, months
rule-param-employer-change-days = Days to re-issue the { -trp } after changing employer
rule-param-eligible = Eligible citizenships
rule-param-eligible-unconfirmed = Eligible citizenships (not confirmed)
rule-param-min-months = Shortest term, months
rule-param-online-only-from = Online only from
rule-param-processing-days = Processing, days
rule-param-border-mark-months = Border mark no older than, months
rule-param-medical-certificate-months = Medical certificate no older than, months
rule-param-fee-mci-per-month = Tax per month ({ -mci })
rule-param-vacancy-posting-days = Vacancy on enbek.kz at least, days before
rule-param-vacancy-posting-from = Vacancy rule from
rule-param-intra-corporate-years = Intra-corporate transfer, years
rule-param-fee-mci = Fee ({ -mci })
rule-param-in-person-from = In person only from
rule-param-decision-working-days = Decision, working days
rule-param-extension-months = Extension, months at most
rule-param-income-usd-per-month = Income per month over, USD
rule-param-income-months = Income shown for, months
rule-param-absence-days = Days abroad in a calendar year that cancel the permit, over

## Catalogue report

rule-report-title = Rule catalogue: { $rules ->
    [one] { $rules } rule
   *[other] { $rules } rules
}, { $countries ->
    [one] { $countries } country
   *[other] { $countries } countries
} in { $groups ->
    [one] { $groups } group
   *[other] { $groups } groups
}
rule-report-intro = What the bot believes, with sources, check dates and confidence, for review. This is information, not legal advice.
rule-report-rule = { $rule } — { $title } ({ $slug })
rule-report-confidence = Confidence: { $confidence }. Checked: { $date }.
rule-report-param = { $name }: { $value }
rule-report-documents = Documents:
rule-report-link = Where: { $link }
rule-report-sources = Sources:
rule-report-groups-header = Country groups
rule-report-home = { $code }: citizens; these rules are not for them.
rule-report-group = { $group } — { $rule }, confidence: { $confidence }
rule-report-visa-required = A visa is required; the visa's dates rule the stay.
rule-report-per-entry = Up to { $days ->
    [one] { $days } day
   *[other] { $days } days
} per entry
rule-report-window = At most { $limit ->
    [one] { $limit } day
   *[other] { $limit } days
} in any { $window }
rule-report-work-without-permit = May work on a contract without a permit
rule-report-no-work-or-study = No work or study on a visa-free stay
rule-report-self-registration = Self-registration (R7) can apply
rule-report-valid-from = For entries from { $date }
rule-report-countries = { $codes } — { $source } ({ $date }), confidence: { $confidence }
rule-report-default-group = Every country without a row falls here.
rule-report-holidays = Public holidays { $year } (confidence: { $confidence }; { $source })
rule-report-holiday = { $date } — { $name }
rule-report-substitutes = Days off moved by decree are not listed, so working-day deadlines can only come out earlier than the real ones.
rule-report-mci-header = { -mci } per year
rule-report-mci = { $year }: { $amount } tenge — { $source } ({ $date })
rule-report-mci-undated = { $year }: { $amount } tenge — { $source }
rule-report-mci-fallback = For a year not listed, costs use the latest known year and are marked as estimates.
