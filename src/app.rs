//! The pipeline every front end shares: load the user, run the engine, save before
//! anything is acknowledged, carry out the effects. Also owns the loaded data (country
//! table, rule catalogue, locales) so that the terminal and Telegram answer identically.

use std::sync::{Arc, Mutex};

use crate::clock::Clock;
use crate::config::Config;
use crate::countries::{Countries, CountriesError};
use crate::domain::Lang;
use crate::engine::{self, Context, Conversation, Effect, Input, Reply};
use crate::i18n::{I18nError, Localizer};
use crate::rules::{Catalogue, CatalogueError};
use crate::store::{Loaded, Store, StoreError, UserRecord};
use crate::text::Msg;

/// Updates of one user are applied one at a time; users are spread over this many locks
/// so that different users proceed in parallel.
const USER_LOCK_STRIPES: usize = 256;

/// Why the program could not start or a message could not be handled.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the country table is invalid")]
    Countries(#[from] CountriesError),
    #[error("the rule catalogue is invalid")]
    Catalogue(#[from] CatalogueError),
    #[error("the locales are invalid")]
    Locales(#[from] I18nError),
}

/// The data every part reads, loaded and validated once.
pub struct Data {
    pub countries: Arc<Countries>,
    pub catalogue: Arc<Catalogue>,
    pub localizer: Arc<Localizer>,
}

impl Data {
    /// Loads the embedded country table and locales, and the rule catalogue from
    /// `rules.path` or the embedded one.
    pub fn load(config: &Config) -> Result<Data, AppError> {
        let countries = Arc::new(Countries::embedded()?);
        let known = |code: &str| countries.contains(code);
        let catalogue = match &config.rules.path {
            Some(path) => Catalogue::load(path, &known)?,
            None => Catalogue::embedded(&known)?,
        };
        let localizer = Arc::new(Localizer::new(countries.clone())?);
        Ok(Data {
            countries,
            catalogue: Arc::new(catalogue),
            localizer,
        })
    }
}

/// The running program: configuration, clock, data and store.
pub struct App {
    pub config: Config,
    pub clock: Clock,
    pub data: Data,
    pub store: Store,
    user_locks: Vec<Mutex<()>>,
}

/// What handling one input produced, ready to render in `lang`.
#[derive(Debug)]
pub struct Handled {
    pub lang: Lang,
    pub replies: Vec<Reply>,
    /// The user's stored data, when they asked for it.
    pub export: Option<serde_json::Value>,
}

impl App {
    pub fn new(config: Config, clock: Clock, data: Data, store: Store) -> App {
        App {
            config,
            clock,
            data,
            store,
            user_locks: (0..USER_LOCK_STRIPES).map(|_| Mutex::new(())).collect(),
        }
    }

    /// Opens everything the configuration names.
    pub fn open(config: Config, clock: Clock) -> Result<App, AppError> {
        let data = Data::load(&config)?;
        let store = Store::open(&config.storage.path)?;
        Ok(App::new(config, clock, data, store))
    }

    /// Handles one input from one user: the new state is on disk before this returns
    /// the replies that acknowledge it. `lang_hint` is the language to start a new user
    /// in (from `--lang` or Telegram's `language_code`).
    pub fn handle(
        &self,
        user: u64,
        input: &Input,
        lang_hint: Option<Lang>,
    ) -> Result<Handled, AppError> {
        let stripe = usize::try_from(user % USER_LOCK_STRIPES as u64).unwrap_or(0);
        let _one_at_a_time = self.user_locks[stripe]
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let now = self.clock.now();
        let default_lang = lang_hint.unwrap_or(self.config.i18n.default_language);
        let mut notices = Vec::new();
        let (record, existed) = match self.store.load(user, now)? {
            Loaded::Found(record) => (record, true),
            Loaded::New => (UserRecord::new(Conversation::new(default_lang), now), false),
            Loaded::Unreadable(reason) => {
                tracing::warn!(user, ?reason, "user reset after an unreadable record");
                notices.push(Reply::text(Msg::new("store-reset-notice")));
                (UserRecord::new(Conversation::new(default_lang), now), false)
            }
        };
        let ctx = Context {
            now,
            today: self.clock.today(),
            countries: &self.data.countries,
            catalogue: &self.data.catalogue,
        };
        let outcome = engine::step(&record.conversation, input, &ctx);
        let mut export = None;
        if outcome.effects.contains(&Effect::DeleteUser) {
            self.store.delete(user)?;
            tracing::info!(user, "user erased on request");
        } else if !existed || outcome.changed(&record.conversation) {
            let mut saved = record.clone();
            saved.conversation = outcome.conversation.clone();
            saved.meta.last_seen = now;
            saved.meta.blocked = false;
            self.store.save(user, &saved)?;
        }
        if outcome.effects.contains(&Effect::ExportData) {
            export = Some(self.store.export(user)?);
        }
        notices.extend(outcome.replies);
        Ok(Handled {
            lang: outcome.conversation.lang,
            replies: notices,
            export,
        })
    }

    /// Renders a message in a language, as plain text.
    pub fn render(&self, lang: Lang, msg: &Msg) -> String {
        self.data.localizer.render(lang, msg)
    }
}
