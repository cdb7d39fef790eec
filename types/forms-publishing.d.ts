/**
 * Apps Script Forms methods that @types/google-apps-script (2.0.13) does not declare yet:
 * publishing (developers.google.com/workspace/forms/api/guides/publish-form: `setPublished`,
 * `isPublished`, `supportsAdvancedResponderPermissions`, `FormApp.create(title, isPublished)`) and
 * email collection (`setEmailCollectionType` / `getEmailCollectionType` with
 * `FormApp.EmailCollectionType`, the values of the Forms API's FormSettings.emailCollectionType).
 */
declare namespace GoogleAppsScript {
  namespace Forms {
    enum EmailCollectionType {
      VERIFIED,
      RESPONDER_INPUT,
      DO_NOT_COLLECT,
    }
    interface Form {
      setPublished(enabled: boolean): Form;
      isPublished(): boolean;
      supportsAdvancedResponderPermissions(): boolean;
      setEmailCollectionType(type: EmailCollectionType): Form;
      getEmailCollectionType(): EmailCollectionType;
    }
    interface FormApp {
      EmailCollectionType: typeof EmailCollectionType;
      create(title: string, isPublished: boolean): Form;
    }
  }
}
