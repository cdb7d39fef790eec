import vm from 'node:vm';
import {
  actionResponseJson,
  CARD_MESSAGES,
  cardJson,
  createCardService,
  isActionResponse,
  isCard,
  validateCardJson,
  type CardJson,
} from '../../emulator/services/card';
import { newExec, newWorkspace } from './support';

type Card = GoogleAppsScript.Card_Service.Card;

function setup() {
  const ws = newWorkspace();
  const exec = newExec(ws, undefined, 'card');
  return { ws, exec, cs: createCardService(exec) };
}

/** The card's JSON, asserting on the way that it satisfies the card-v2 schema. */
function valid(card: Card): CardJson {
  const json = cardJson(card);
  expect(validateCardJson(json)).toEqual([]);
  return json;
}

/** A card holding just `widget`, checked against the schema once built. */
function oneWidgetCard(
  cs: ReturnType<typeof setup>['cs'],
  widget: GoogleAppsScript.Card_Service.Widget,
): Card {
  const card = cs.newCardBuilder().addSection(cs.newCardSection().addWidget(widget)).build();
  valid(card);
  return card;
}

describe('CardService cards', () => {
  it('printJson returns the card-v2 JSON of header, sections and name as a string', () => {
    const { cs } = setup();
    const card = cs
      .newCardBuilder()
      .setName('home')
      .setHeader(
        cs
          .newCardHeader()
          .setTitle('AUP')
          .setSubtitle('2026')
          .setImageUrl('https://x.example/i.png')
          .setImageStyle(cs.ImageStyle.CIRCLE),
      )
      .addSection(
        cs
          .newCardSection()
          .setHeader('Status')
          .setCollapsible(true)
          .setNumUncollapsibleWidgets(1)
          .addWidget(cs.newTextParagraph().setText('<b>Hello</b>')),
      )
      .build();
    expect(JSON.parse(card.printJson())).toEqual({
      header: { title: 'AUP', subtitle: '2026', imageUrl: 'https://x.example/i.png', imageType: 'CIRCLE' },
      sections: [
        {
          header: 'Status',
          collapsible: true,
          uncollapsibleWidgetsCount: 1,
          widgets: [{ textParagraph: { text: '<b>Hello</b>' } }],
        },
      ],
      name: 'home',
    });
    valid(card);
  });

  it('every widget builds to its card-v2 field names and the card validates against the schema', () => {
    const { cs } = setup();
    const run = cs.newAction().setFunctionName('onSign');
    const card = cs
      .newCardBuilder()
      .addSection(
        cs
          .newCardSection()
          .addWidget(
            cs
              .newDecoratedText()
              .setTopLabel('Policy')
              .setText('ICT AUP')
              .setBottomLabel('v3')
              .setWrapText(true)
              .setButton(cs.newTextButton().setText('Open').setOnClickAction(run)),
          )
          .addWidget(
            cs.newTextInput().setFieldName('note').setTitle('Note').setHint('Optional').setValue('hi'),
          )
          .addWidget(
            cs
              .newSelectionInput()
              .setType(cs.SelectionInputType.DROPDOWN)
              .setFieldName('role')
              .setTitle('Role')
              .addItem('Teacher', 'teacher', true)
              .addItem('Support', 'support', false),
          )
          .addWidget(cs.newDivider())
          .addWidget(
            cs
              .newButtonSet()
              .addButton(
                cs
                  .newTextButton()
                  .setText('Sign')
                  .setOnClickAction(run)
                  .setTextButtonStyle(cs.TextButtonStyle.FILLED),
              )
              .addButton(cs.newTextButton().setText('Later').setOnClickAction(run).setDisabled(true)),
          ),
      )
      .setFixedFooter(
        cs
          .newFixedFooter()
          .setPrimaryButton(cs.newTextButton().setText('Done').setOnClickAction(run))
          .setSecondaryButton(
            cs.newTextButton().setText('Help').setOpenLink(cs.newOpenLink().setUrl('https://h.example')),
          ),
      )
      .build();
    const json = valid(card);
    const onSign = { action: { function: 'onSign' } };
    expect(json.sections?.[0]?.widgets).toEqual([
      {
        decoratedText: {
          topLabel: 'Policy',
          text: 'ICT AUP',
          bottomLabel: 'v3',
          wrapText: true,
          button: { text: 'Open', onClick: onSign },
        },
      },
      { textInput: { name: 'note', label: 'Note', hintText: 'Optional', value: 'hi', type: 'SINGLE_LINE' } },
      {
        selectionInput: {
          name: 'role',
          label: 'Role',
          type: 'DROPDOWN',
          items: [
            { text: 'Teacher', value: 'teacher', selected: true },
            { text: 'Support', value: 'support', selected: false },
          ],
        },
      },
      { divider: {} },
      {
        buttonList: {
          buttons: [
            { text: 'Sign', onClick: onSign, type: 'FILLED' },
            { text: 'Later', onClick: onSign, disabled: true },
          ],
        },
      },
    ]);
    expect(json.fixedFooter).toEqual({
      primaryButton: { text: 'Done', onClick: onSign },
      secondaryButton: { text: 'Help', onClick: { openLink: { url: 'https://h.example' } } },
    });
  });

  it('an action keeps its function name in onClick.action.function with string parameters and load indicator', () => {
    const { cs } = setup();
    const action = cs
      .newAction()
      .setFunctionName('onRemind')
      .setParameters({ row: '7', who: 'teacher@school.example' })
      .setLoadIndicator(cs.LoadIndicator.NONE);
    const json = valid(
      oneWidgetCard(
        cs,
        cs.newButtonSet().addButton(cs.newTextButton().setText('Go').setOnClickAction(action)),
      ),
    );
    expect(json.sections?.[0]?.widgets?.[0]?.buttonList?.buttons?.[0]?.onClick).toEqual({
      action: {
        function: 'onRemind',
        parameters: [
          { key: 'row', value: '7' },
          { key: 'who', value: 'teacher@school.example' },
        ],
        loadIndicator: 'NONE',
      },
    });
  });

  it('setParameters with a non-string value throws Apps Script signature-mismatch error', () => {
    const { cs } = setup();
    const params = { row: 7 } as unknown as { [key: string]: string };
    expect(() => cs.newAction().setParameters(params)).toThrow(
      "The parameters (Object) don't match the method signature for CardService.Action.setParameters.",
    );
  });

  it('an open link carries url, openAs and onClose (RELOAD_ADD_ON written as RELOAD)', () => {
    const { cs } = setup();
    const link = cs
      .newOpenLink()
      .setUrl('https://docs.example/d/1')
      .setOpenAs(cs.OpenAs.OVERLAY)
      .setOnClose(cs.OnClose.RELOAD_ADD_ON);
    const json = valid(
      oneWidgetCard(cs, cs.newButtonSet().addButton(cs.newTextButton().setText('Read').setOpenLink(link))),
    );
    expect(json.sections?.[0]?.widgets?.[0]?.buttonList?.buttons?.[0]?.onClick).toEqual({
      openLink: { url: 'https://docs.example/d/1', openAs: 'OVERLAY', onClose: 'RELOAD' },
    });
  });

  it('a multiline text input is MULTIPLE_LINE', () => {
    const { cs } = setup();
    const json = valid(oneWidgetCard(cs, cs.newTextInput().setFieldName('why').setMultiline(true)));
    expect(json.sections?.[0]?.widgets?.[0]?.textInput).toEqual({ name: 'why', type: 'MULTIPLE_LINE' });
  });

  it('a selection input is CHECK_BOX by default and converts item text and value to strings', () => {
    const { cs } = setup();
    const json = valid(
      oneWidgetCard(cs, cs.newSelectionInput().setFieldName('agree').addItem('I agree', 1, false)),
    );
    expect(json.sections?.[0]?.widgets?.[0]?.selectionInput).toEqual({
      name: 'agree',
      type: 'CHECK_BOX',
      items: [{ text: 'I agree', value: '1', selected: false }],
    });
  });

  it('a built card is a snapshot: later builder changes do not alter it', () => {
    const { cs } = setup();
    const section = cs.newCardSection().addWidget(cs.newTextParagraph().setText('one'));
    const builder = cs.newCardBuilder().addSection(section);
    const card = builder.build();
    section.addWidget(cs.newTextParagraph().setText('two'));
    builder.setName('changed');
    expect(valid(card)).toEqual({ sections: [{ widgets: [{ textParagraph: { text: 'one' } }] }] });
  });

  it('a card menu item builds to cardActions with actionLabel and onClick', () => {
    const { cs } = setup();
    const card = cs
      .newCardBuilder()
      .addSection(cs.newCardSection().addWidget(cs.newDivider()))
      .addCardAction(
        cs.newCardAction().setText('Settings').setOnClickAction(cs.newAction().setFunctionName('onSettings')),
      )
      .build();
    expect(valid(card).cardActions).toEqual([
      { actionLabel: 'Settings', onClick: { action: { function: 'onSettings' } } },
    ]);
  });
});

describe('CardService refusals', () => {
  it('build() of a card with no section throws', () => {
    const { cs } = setup();
    expect(() => cs.newCardBuilder().setHeader(cs.newCardHeader().setTitle('x')).build()).toThrow(
      CARD_MESSAGES.cardNeedsSection,
    );
  });

  it('build() of a card with a section without widgets throws', () => {
    const { cs } = setup();
    expect(() => cs.newCardBuilder().addSection(cs.newCardSection().setHeader('empty')).build()).toThrow(
      CARD_MESSAGES.sectionNeedsWidget,
    );
  });

  it('a text input without a field name is refused when the card is built', () => {
    const { cs } = setup();
    expect(() => oneWidgetCard(cs, cs.newTextInput().setTitle('Name'))).toThrow(
      CARD_MESSAGES.fieldNameMissing,
    );
  });

  it('a selection input without a field name is refused when the card is built', () => {
    const { cs } = setup();
    expect(() => oneWidgetCard(cs, cs.newSelectionInput().addItem('a', 'a', false))).toThrow(
      CARD_MESSAGES.fieldNameMissing,
    );
  });

  it('a text button without text is refused when the card is built', () => {
    const { cs } = setup();
    const button = cs.newTextButton().setOnClickAction(cs.newAction().setFunctionName('f'));
    expect(() => oneWidgetCard(cs, cs.newButtonSet().addButton(button))).toThrow(
      CARD_MESSAGES.buttonNeedsText,
    );
  });

  it('a text button with neither an action nor a link is refused when the card is built', () => {
    const { cs } = setup();
    expect(() => oneWidgetCard(cs, cs.newButtonSet().addButton(cs.newTextButton().setText('Go')))).toThrow(
      CARD_MESSAGES.buttonNeedsClick,
    );
  });

  it('an action without a function name is refused when the card is built', () => {
    const { cs } = setup();
    const button = cs.newTextButton().setText('Go').setOnClickAction(cs.newAction());
    expect(() => oneWidgetCard(cs, cs.newButtonSet().addButton(button))).toThrow(
      CARD_MESSAGES.actionNeedsFunction,
    );
  });

  it('passing a non-widget to addWidget throws the signature-mismatch error', () => {
    const { cs } = setup();
    const notAWidget = 'text' as unknown as GoogleAppsScript.Card_Service.Widget;
    expect(() => cs.newCardSection().addWidget(notAWidget)).toThrow(
      "The parameters (String) don't match the method signature for CardService.CardSection.addWidget.",
    );
  });

  it('a value outside the enum throws the signature-mismatch error', () => {
    const { cs } = setup();
    const bad = 'LIST' as unknown as GoogleAppsScript.Card_Service.SelectionInputType;
    expect(() => cs.newSelectionInput().setType(bad)).toThrow(
      "The parameters (String) don't match the method signature for CardService.SelectionInput.setType.",
    );
  });

  it('add-on code running in a vm context builds cards and responses from its own objects and arrays', () => {
    const { cs } = setup();
    const code = `
      const go = CardService.newAction().setFunctionName('go').setParameters({ id: '1' });
      const buttons = CardService.newButtonSet().addButton(CardService.newTextButton().setText('Go').setOnClickAction(go));
      const card = CardService.newCardBuilder().addSection(CardService.newCardSection().addWidget(buttons)).build();
      CardService.newUniversalActionResponseBuilder().displayAddOnCards([card]).build();`;
    const resp = vm.runInNewContext(code, { CardService: cs }) as unknown;
    const pushed = actionResponseJson(resp).navigations[0];
    expect(pushed && 'pushCard' in pushed && validateCardJson(pushed.pushCard)).toEqual([]);
  });

  it('errors are Errors of the add-on realm', () => {
    const { cs, exec } = setup();
    const realmError = vm.runInNewContext('Error') as ErrorConstructor;
    exec.errorCtor = realmError;
    let thrown: unknown;
    try {
      cs.newCardBuilder().build();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(realmError);
    expect(thrown).not.toBeInstanceOf(Error);
  });
});

describe('CardService action responses', () => {
  it('navigation steps are listed in order under their render-action names', () => {
    const { cs } = setup();
    const a = cs
      .newCardBuilder()
      .setName('a')
      .addSection(cs.newCardSection().addWidget(cs.newDivider()))
      .build();
    const b = cs
      .newCardBuilder()
      .addSection(cs.newCardSection().addWidget(cs.newTextParagraph().setText('b')))
      .build();
    valid(a);
    valid(b);
    const nav = cs.newNavigation().popToRoot().pushCard(a).updateCard(b).popCard().popToNamedCard('a');
    const resp = cs.newActionResponseBuilder().setNavigation(nav).setStateChanged(true).build();
    expect(actionResponseJson(resp)).toEqual({
      navigations: [
        { popToRoot: true },
        { pushCard: cardJson(a) },
        { updateCard: cardJson(b) },
        { pop: true },
        { popToCard: 'a' },
      ],
      stateChanged: true,
    });
  });

  it('a notification and an open link appear as notification.text and openLink', () => {
    const { cs } = setup();
    const resp = cs
      .newActionResponseBuilder()
      .setNotification(cs.newNotification().setText('Saved'))
      .setOpenLink(cs.newOpenLink().setUrl('https://r.example').setOpenAs(cs.OpenAs.FULL_SIZE))
      .build();
    expect(actionResponseJson(resp)).toEqual({
      navigations: [],
      notification: { text: 'Saved' },
      openLink: { url: 'https://r.example', openAs: 'FULL_SIZE' },
    });
  });

  it('printJson of an action response gives the render-action JSON', () => {
    const { cs } = setup();
    const resp = cs
      .newActionResponseBuilder()
      .setNavigation(cs.newNavigation().popCard())
      .setNotification(cs.newNotification().setText('Done'))
      .setStateChanged(false)
      .build();
    expect(JSON.parse(resp.printJson())).toEqual({
      renderActions: { action: { navigations: [{ pop: true }], notification: { text: 'Done' } } },
      stateChanged: false,
    });
  });

  it('build() of an action response with nothing set throws', () => {
    const { cs } = setup();
    expect(() => cs.newActionResponseBuilder().setStateChanged(true).build()).toThrow(
      CARD_MESSAGES.actionResponseEmpty,
    );
  });

  it('a notification without text is refused when the response is built', () => {
    const { cs } = setup();
    expect(() => cs.newActionResponseBuilder().setNotification(cs.newNotification()).build()).toThrow(
      CARD_MESSAGES.notificationNeedsText,
    );
  });

  it('a universal action response pushes each of its cards, and refuses to build empty', () => {
    const { cs } = setup();
    const card = oneWidgetCard(cs, cs.newTextParagraph().setText('menu'));
    const resp = cs.newUniversalActionResponseBuilder().displayAddOnCards([card, card]).build();
    expect(actionResponseJson(resp).navigations).toEqual([
      { pushCard: cardJson(card) },
      { pushCard: cardJson(card) },
    ]);
    expect(() => cs.newUniversalActionResponseBuilder().build()).toThrow(
      CARD_MESSAGES.universalResponseEmpty,
    );
  });
});

describe('CardService host helpers', () => {
  it('isCard and isActionResponse tell built objects apart', () => {
    const { cs } = setup();
    const card = oneWidgetCard(cs, cs.newDivider());
    const resp = cs.newActionResponseBuilder().setNotification(cs.newNotification().setText('x')).build();
    expect([isCard(card), isCard(resp), isCard({ sections: [] })]).toEqual([true, false, false]);
    expect([isActionResponse(resp), isActionResponse(card)]).toEqual([true, false]);
  });

  it('cardJson returns a copy and rejects what is not a Card', () => {
    const { cs } = setup();
    const card = oneWidgetCard(cs, cs.newDivider());
    cardJson(card).name = 'mutated';
    expect(cardJson(card).name).toBeUndefined();
    expect(() => cardJson({ sections: [] })).toThrow(TypeError);
    expect(() => actionResponseJson(card)).toThrow(TypeError);
  });

  it('every call is counted as CardService.<Class>.<method> with no modelled latency', () => {
    const { cs, exec, ws } = setup();
    const before = ws.clock.now();
    oneWidgetCard(cs, cs.newTextParagraph().setText('x'));
    void cs.SelectionInputType;
    const tally = new Map(ws.accounting.tally().map((t) => [t.method, t.calls]));
    expect(tally.get('CardService.newCardBuilder')).toBe(1);
    expect(tally.get('CardService.TextParagraph.setText')).toBe(1);
    expect(tally.get('CardService.CardBuilder.build')).toBe(1);
    expect(tally.get('CardService.SelectionInputType')).toBe(1);
    expect(ws.clock.now()).toBe(before);
    expect(exec.elapsedMs).toBe(0);
  });
});

describe('card JSON schema', () => {
  it('a hand-made card with a misspelt field fails validation', () => {
    const errors = validateCardJson({ sections: [{ widgets: [{ textParagraph: { txt: 'hello' } }] }] });
    expect(errors).toEqual(['/sections/0/widgets/0/textParagraph must NOT have additional properties: txt']);
  });

  it('a field of the wrong type fails validation', () => {
    expect(validateCardJson({ sections: [{ collapsible: 'yes', widgets: [] }] })).toEqual([
      '/sections/0/collapsible must be boolean',
    ]);
  });

  it('a documented card (the card-v2 reference example) passes validation', () => {
    const example = {
      header: { title: 'Sasha', subtitle: 'Software Engineer', imageType: 'CIRCLE', imageAltText: 'Avatar' },
      sections: [
        {
          header: 'Contact Info',
          collapsible: true,
          uncollapsibleWidgetsCount: 1,
          widgets: [
            { decoratedText: { startIcon: { knownIcon: 'EMAIL' }, text: 'sasha@example.com' } },
            {
              buttonList: {
                buttons: [
                  { text: 'Share', onClick: { openLink: { url: 'https://example.com/share' } } },
                  {
                    text: 'Edit',
                    onClick: {
                      action: { function: 'goToView', parameters: [{ key: 'viewType', value: 'EDIT' }] },
                    },
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    expect(validateCardJson(example)).toEqual([]);
  });
});

describe('CardService limits (developers.google.com/workspace/add-ons/concepts/cards)', () => {
  it('100 sections, or 100 widgets in one section, build; one more section or widget fails, naming the card', () => {
    const { cs } = setup();
    const section = (n: number) => {
      const s = cs.newCardSection();
      for (let i = 0; i < n; i++) s.addWidget(cs.newTextParagraph().setText(`w${i}`));
      return s;
    };
    const card = (sections: number, widgets: number) => {
      const b = cs.newCardBuilder().setName('queue');
      for (let i = 0; i < sections; i++) b.addSection(section(i === sections - 1 ? widgets : 1));
      return b;
    };
    expect(isCard(card(100, 1).build())).toBe(true);
    expect(isCard(card(1, 100).build())).toBe(true);
    expect(() => card(2, 101).build()).toThrow(
      'Card "queue" has 101 widgets in section 2: Google shows at most 100 widgets a section and drops the rest.',
    );
    expect(() => card(101, 1).build()).toThrow(
      'Card "queue" has 101 sections: Google shows at most 100 sections a card and drops the rest.',
    );
    expect(() => card(2, 100).build()).toThrow(
      'Card "queue" has 101 widgets: Google shows at most 100 widgets a card and drops the rest.',
    );
  });
});
