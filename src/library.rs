//! Which dataset the app plans on, the datasets kept in this browser, and the
//! import in progress: the state of the root component, changed only through
//! [`LibAction`]s. The scenario state ([`crate::state`]) lives below it, one
//! per dataset: switching datasets mounts a fresh workspace.

use std::rc::Rc;

use eduplan_model::codec::DatasetRef;
use eduplan_model::import_report::ImportReply;
use yew::prelude::*;

use crate::datasets::{Active, StoreError, StoredMeta};
use crate::i18n::{Lang, Strings};

/// What the data dialog shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Closed,
    /// The data menu: datasets, template, import, export.
    Menu,
    /// Files are being read (their names), for the import numbered `seq`.
    Reading {
        files: Vec<String>,
        seq: u64,
    },
    /// What the files would change, with every problem found.
    Preview(Rc<Preview>),
}

/// An import waiting for the planner's decision.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub files: Vec<String>,
    pub reply: ImportReply,
    /// The import it answers (a later choice of files supersedes it).
    pub seq: u64,
}

/// Something the data dialog or the missing-dataset notice tells the planner.
#[derive(Clone, Debug, PartialEq)]
pub enum LibMessage {
    /// The dataset is in use but could not be kept in this browser.
    NotStored(StoreError),
    /// The files could not be read at all (the reason).
    ReadFailed(crate::data_files::SendError),
    /// A download or export failed (the reason).
    ExportFailed(String),
    /// The dataset just applied is not the one the opening link was made on
    /// (its name); the link still waits.
    NotForLink(String),
    /// A stored dataset could not be read and was removed (its key).
    Unreadable(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Library {
    pub lang: Lang,
    /// The dataset bundled with the app: always there.
    pub builtin: Active,
    /// The dataset planned on.
    pub active: Active,
    /// Imported datasets kept in this browser.
    pub stored: Vec<StoredMeta>,
    pub dialog: Dialog,
    /// The dataset of the link the page was opened with, when this browser
    /// does not have it: the workspace waits for the planner's choice.
    pub missing: Option<DatasetRef>,
    pub message: Option<LibMessage>,
    /// Counts activations: each mounts a fresh workspace, even on a dataset
    /// with the same id and figures (its provenance may differ).
    pub generation: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LibAction {
    SetLang(Lang),
    OpenMenu,
    CloseDialog,
    Reading {
        files: Vec<String>,
        seq: u64,
    },
    Previewed(Rc<Preview>),
    /// The import numbered `seq` could not read its files.
    ReadFailed {
        seq: u64,
        message: LibMessage,
    },
    /// A dataset is now in use (`stored`: the new index, when it changed).
    Activated {
        active: Active,
        stored: Option<Vec<StoredMeta>>,
        message: Option<LibMessage>,
    },
    /// The stored datasets changed (after a delete).
    Stored(Vec<StoredMeta>),
    Say(LibMessage),
    /// The planner chose to open the workspace without the link's dataset.
    DismissMissing,
}

impl Reducible for Library {
    type Action = LibAction;

    fn reduce(self: Rc<Self>, action: LibAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            LibAction::SetLang(l) => s.lang = l,
            LibAction::OpenMenu => {
                s.dialog = Dialog::Menu;
                s.message = None;
            }
            LibAction::CloseDialog => {
                s.dialog = Dialog::Closed;
                s.message = None;
            }
            LibAction::Reading { files, seq } => {
                s.dialog = Dialog::Reading { files, seq };
                s.message = None;
            }
            // only the import being waited for is shown: a preview after the
            // dialog was closed, or of files since replaced by others, is dropped
            LibAction::Previewed(p) if s.awaits(p.seq) => s.dialog = Dialog::Preview(p),
            LibAction::ReadFailed { seq, message } if s.awaits(seq) => {
                s.dialog = Dialog::Menu;
                s.message = Some(message);
            }
            LibAction::Previewed(_) | LibAction::ReadFailed { .. } => return self,
            LibAction::Activated {
                active,
                stored,
                message,
            } => {
                let mut message = message;
                match &s.missing {
                    Some(r) if r.matches(&active.dataset.id, &active.hash) => s.missing = None,
                    // the link keeps waiting, and says the data was not its own
                    Some(_) => {
                        message = message.or_else(|| Some(LibMessage::NotForLink(active.dataset.name.zh.clone())))
                    }
                    None => {}
                }
                s.active = active;
                s.generation += 1;
                if let Some(list) = stored {
                    s.stored = list;
                }
                // with the link waiting, its notice shows the message
                s.dialog = if message.is_some() && s.missing.is_none() {
                    Dialog::Menu
                } else {
                    Dialog::Closed
                };
                s.message = message;
            }
            LibAction::Stored(list) => s.stored = list,
            LibAction::Say(m) => {
                if matches!(s.dialog, Dialog::Reading { .. }) {
                    s.dialog = Dialog::Menu;
                }
                s.message = Some(m);
            }
            LibAction::DismissMissing => s.missing = None,
        }
        Rc::new(s)
    }
}

impl Library {
    pub fn t(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// Whether the import numbered `seq` is the one being read.
    fn awaits(&self, seq: u64) -> bool {
        matches!(&self.dialog, Dialog::Reading { seq: s, .. } if *s == seq)
    }
}

/// What components below the root read to reach the data menu.
#[derive(Clone, PartialEq)]
pub struct DataCtx {
    pub lib: UseReducerHandle<Library>,
}

/// The data context, when the app is mounted under the root (tests mount the
/// workspace alone).
#[hook]
pub fn use_data() -> Option<DataCtx> {
    use_context::<DataCtx>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use eduplan_model::Dataset;

    fn lib() -> Rc<Library> {
        let builtin = Active::builtin(Rc::new(Dataset::default_dataset().unwrap()));
        Rc::new(Library {
            lang: Lang::Zh,
            builtin: builtin.clone(),
            active: builtin,
            stored: Vec::new(),
            dialog: Dialog::Closed,
            missing: None,
            message: None,
            generation: 0,
        })
    }

    fn other() -> Active {
        let mut ds = Dataset::default_dataset().unwrap();
        ds.id = "qingxi-2020".into();
        ds.name.zh = "青溪县".into();
        let json = serde_json::to_string(&ds).unwrap();
        Active::parse(&json, "0badf00d").unwrap()
    }

    #[test]
    fn the_awaited_dataset_clears_the_missing_notice_and_others_do_not() {
        let o = other();
        let wanted = DatasetRef::of(&o.dataset, &o.hash);
        let waiting = Rc::new(Library {
            missing: Some(wanted),
            ..(*lib()).clone()
        });
        let s = waiting.clone().reduce(LibAction::Activated {
            active: lib().builtin.clone(),
            stored: None,
            message: None,
        });
        assert!(s.missing.is_some(), "the bundled data is not what the link waits for");
        assert_eq!(s.message, Some(LibMessage::NotForLink("临湘市".into())));
        assert_eq!(s.dialog, Dialog::Closed, "the link's notice shows the message");
        let s = s.reduce(LibAction::Activated {
            active: o.clone(),
            stored: Some(Vec::new()),
            message: None,
        });
        assert!(s.missing.is_none());
        assert_eq!(s.active.dataset.id, "qingxi-2020");
        assert_eq!(s.dialog, Dialog::Closed);
    }

    #[test]
    fn a_dataset_kept_only_for_the_session_says_so_in_the_menu() {
        let s = lib().reduce(LibAction::Activated {
            active: other(),
            stored: None,
            message: Some(LibMessage::NotStored(StoreError::Full)),
        });
        assert_eq!(s.dialog, Dialog::Menu, "the message stays in view");
        assert_eq!(s.message, Some(LibMessage::NotStored(StoreError::Full)));
        let s = s.reduce(LibAction::CloseDialog);
        assert_eq!((s.dialog.clone(), s.message.clone()), (Dialog::Closed, None));
    }

    #[test]
    fn a_preview_after_the_dialog_was_closed_is_dropped() {
        let preview = |seq| {
            Rc::new(Preview {
                files: vec!["a.csv".into()],
                reply: ImportReply::Failed {
                    errors: Default::default(),
                    ms: 1.0,
                },
                seq,
            })
        };
        let reading = |seq| LibAction::Reading {
            files: vec!["a.csv".into()],
            seq,
        };
        let s = lib().reduce(reading(1));
        let shown = s.clone().reduce(LibAction::Previewed(preview(1)));
        assert_eq!(shown.dialog, Dialog::Preview(preview(1)));
        let closed = s
            .clone()
            .reduce(LibAction::CloseDialog)
            .reduce(LibAction::Previewed(preview(1)));
        assert_eq!(closed.dialog, Dialog::Closed);
        // other files chosen while the first were read: only their preview shows
        let s = s.reduce(reading(2));
        let stale = s.clone().reduce(LibAction::Previewed(preview(1)));
        assert_eq!(stale.dialog, s.dialog);
        let late_error = s.clone().reduce(LibAction::ReadFailed {
            seq: 1,
            message: LibMessage::ExportFailed("x".into()),
        });
        assert_eq!(late_error.message, None);
        assert_eq!(
            s.reduce(LibAction::Previewed(preview(2))).dialog,
            Dialog::Preview(preview(2))
        );
    }

    #[test]
    fn a_failed_read_returns_to_the_menu_with_the_reason() {
        let s = lib().reduce(LibAction::OpenMenu).reduce(LibAction::Reading {
            files: vec!["a.xlsx".into()],
            seq: 7,
        });
        let why = LibMessage::ReadFailed(crate::data_files::SendError::TooLarge("a.xlsx".into()));
        let s = s.reduce(LibAction::ReadFailed {
            seq: 7,
            message: why.clone(),
        });
        assert_eq!((s.dialog.clone(), s.message.clone()), (Dialog::Menu, Some(why)));
    }
}
