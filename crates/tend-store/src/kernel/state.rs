//! State a capability keeps on the `Store` handle (a cache, a writer task) without the handle
//! naming its type: one value per type, made on first use and shared by every clone.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// One value of each type asked for.
#[derive(Default)]
pub(crate) struct States(Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>);

impl States {
    /// The `T` kept here, made by `init` the first time it is asked for.
    pub(crate) fn get<T: Any + Send + Sync>(&self, init: impl FnOnce() -> T) -> Arc<T> {
        let mut map = self.0.lock().expect("store state lock");
        let value = map
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Arc::new(init()))
            .clone();
        drop(map);
        value
            .downcast::<T>()
            .expect("a state is kept under its own type")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_per_type_made_once() {
        let s = States::default();
        let a = s.get(|| 1_u32);
        let b = s.get(|| 2_u32);
        assert_eq!((*a, *b), (1, 1));
        assert_eq!(*s.get(|| "x"), "x");
    }
}
