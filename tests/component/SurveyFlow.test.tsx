import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SurveyFlow } from '../../src/features/kiosk/SurveyFlow';
import { db } from '../../src/app/db';
import { setUpDevice } from '../../src/db';
import type { SurveyDefinition } from '../../src/domain';
import { demoConfig, longFlowSurvey, testDevice } from '../support/fixtures';

// The older tests walk the long flow a commune may still configure; the short default comes last.
const demoSurvey = demoConfig.survey!;
const definition = longFlowSurvey;
/** Walking the twelve screens of the long flow, several times, takes seconds on a busy machine. */
const LONG_WALK = 20_000;
async function kiosk() {
  await setUpDevice(db, { ...testDevice(), kind: 'kiosk' }, demoConfig);
}
const surveys = async () =>
  (await db.ops.toArray()).filter((op) => op.type === 'survey.submitted').sort((a, b) => a.deviceSeq - b.deviceSeq).map((op) => op.data);

/** Tap a face, skip every optional screen, send. */
async function quickSurvey(user: ReturnType<typeof userEvent.setup>, face = 'Hài lòng') {
  await user.click(await screen.findByRole('button', { name: face }));
  while (!screen.queryByRole('button', { name: 'Gửi đánh giá' })) await user.click(screen.getByRole('button', { name: 'Bỏ qua' }));
  await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
}

describe('citizen survey', () => {
  it('asks one question per screen and records survey.submitted as DESIGN.md shapes it', async () => {
    await kiosk();
    const user = userEvent.setup();
    render(<SurveyFlow definition={definition} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ông/bà có hài lòng');
    expect(screen.getAllByRole('button', { name: /hài lòng/i })).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Rất hài lòng' }));

    // Criterion 1 answered, the rest skipped.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(definition.criteria[0].label.vi);
    expect(screen.getByText(`Câu 2 / ${2 + definition.criteria.length + definition.questions.length + 1}`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hài lòng' }));
    for (let i = 1; i < definition.criteria.length; i++) await user.click(screen.getByRole('button', { name: 'Bỏ qua' }));
    // First yes/no question answered, the others skipped.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(definition.questions[0].label.vi);
    await user.click(screen.getByRole('button', { name: 'Có' }));
    for (let i = 1; i < definition.questions.length; i++) await user.click(screen.getByRole('button', { name: 'Bỏ qua' }));
    await user.type(screen.getByRole('textbox', { name: /góp ý/ }), 'Cán bộ rất tận tình.');
    expect(screen.getByText('Còn 980 ký tự')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await user.click(screen.getByRole('button', { name: 'Nhập mã hồ sơ' }));
    await user.type(screen.getByLabelText('Mã hồ sơ trên giấy hẹn'), '000.00.12.h26-261123-01001');
    await user.click(screen.getByRole('button', { name: 'Dùng mã này' }));
    expect(await screen.findByText('Đã nhận mã hồ sơ 000.00.12.H26-261123-01001.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));

    expect(await screen.findByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' })).toBeInTheDocument();
    expect(await surveys()).toEqual([
      {
        rating: 'very-satisfied',
        criteria: { [definition.criteria[0].id]: 'satisfied' },
        answers: { [definition.questions[0].id]: true },
        comment: 'Cán bộ rất tận tình.',
        dossierCode: '000.00.12.H26-261123-01001',
        surveyVersion: definition.version,
      },
    ]);
    // The kiosk keeps no comment in its survey list, only what its rules need.
    expect(Object.keys((await db.surveys.toArray())[0]).sort()).toEqual(['at', 'dossierCode', 'id', 'rating']);
    await user.click(screen.getByRole('button', { name: 'Người tiếp theo' }));
    expect(screen.getByRole('button', { name: 'Rất hài lòng' })).toHaveAttribute('aria-pressed', 'false');
  }, LONG_WALK);

  it('offers the fourth level "normal" when the commune configures it, and no read-aloud without a voice', async () => {
    await kiosk();
    const four: SurveyDefinition = { ...definition, levels: ['very-satisfied', 'satisfied', 'normal', 'not-satisfied'] };
    render(<SurveyFlow definition={four} />);
    expect(screen.getByRole('group', { name: /hài lòng/ }).querySelectorAll('button')).toHaveLength(4);
    expect(screen.getByRole('button', { name: 'Bình thường' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Đọc to/ })).not.toBeInTheDocument();
  });

  it('starts over by itself after a visible countdown when nobody touches it', async () => {
    await kiosk();
    const user = userEvent.setup();
    render(<SurveyFlow definition={{ ...definition, rules: { inactivitySeconds: 1, countdownSeconds: 2 } }} />);
    await user.click(screen.getByRole('button', { name: 'Không hài lòng' }));
    const dialog = await screen.findByRole('alertdialog', {}, { timeout: 3000 });
    expect(dialog).toHaveTextContent('Màn hình sẽ bắt đầu lại sau 2 giây.');
    await waitFor(() => expect(screen.getByText(/Câu 1 \//)).toBeInTheDocument(), { timeout: 4000 });
    // The first tap counts: the face is recorded, marked as left before sending.
    await waitFor(async () => expect(await surveys()).toEqual([{ rating: 'not-satisfied', surveyVersion: definition.version, flags: ['partial'] }]));
  });

  it('counts repeated taps right after a submission once, and flags a burst instead of dropping it', async () => {
    await kiosk();
    const user = userEvent.setup();
    let clock = Date.parse('2026-11-23T03:00:00Z');
    render(<SurveyFlow definition={{ ...definition, rules: { repeatWindowSeconds: 5, burstLimit: 2, burstWindowSeconds: 60 } }} now={() => new Date(clock)} />);
    await quickSurvey(user);
    await user.click(await screen.findByRole('button', { name: 'Người tiếp theo' }));
    clock += 2_000; // within 5 s: the same person tapping again
    await quickSurvey(user);
    expect(await screen.findByRole('heading', { name: 'Đánh giá của ông/bà đã được ghi nhận. Xin cảm ơn!' })).toBeInTheDocument();
    expect(await surveys()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Người tiếp theo' }));
    clock += 10_000;
    await quickSurvey(user, 'Không hài lòng');
    await user.click(await screen.findByRole('button', { name: 'Người tiếp theo' }));
    clock += 10_000;
    await quickSurvey(user, 'Rất hài lòng');
    await screen.findByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' });
    const recorded = await surveys();
    expect(recorded.map((d) => d.flags ?? [])).toEqual([[], [], ['burst']]);
  }, LONG_WALK);

  it('refuses a second survey for the same dossier kindly, and sends the answer without the code', async () => {
    await kiosk();
    const user = userEvent.setup();
    let clock = Date.parse('2026-11-23T03:00:00Z');
    render(<SurveyFlow definition={definition} now={() => new Date(clock)} />);
    for (const round of [1, 2]) {
      await user.click(await screen.findByRole('button', { name: 'Hài lòng' }));
      while (!screen.queryByRole('button', { name: 'Nhập mã hồ sơ' })) await user.click(screen.getByRole('button', { name: 'Bỏ qua' }));
      await user.click(screen.getByRole('button', { name: 'Nhập mã hồ sơ' }));
      await user.type(screen.getByLabelText('Mã hồ sơ trên giấy hẹn'), 'H26-261123-01007');
      await user.click(screen.getByRole('button', { name: 'Dùng mã này' }));
      if (round === 2) expect(await screen.findByText(/Hồ sơ này đã được đánh giá rồi/)).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
      await user.click(await screen.findByRole('button', { name: 'Người tiếp theo' }));
      clock += 60_000;
    }
    expect((await surveys()).map((d) => d.dossierCode)).toEqual(['H26-261123-01007', undefined]);
  }, LONG_WALK);

  it('says so when a typed code is not a dossier code', async () => {
    await kiosk();
    const user = userEvent.setup();
    render(<SurveyFlow definition={definition} />);
    await user.click(screen.getByRole('button', { name: 'Hài lòng' }));
    while (!screen.queryByRole('button', { name: 'Nhập mã hồ sơ' })) await user.click(screen.getByRole('button', { name: 'Bỏ qua' }));
    await user.click(screen.getByRole('button', { name: 'Nhập mã hồ sơ' }));
    await user.type(screen.getByLabelText('Mã hồ sơ trên giấy hẹn'), 'xin chao');
    await user.click(screen.getByRole('button', { name: 'Dùng mã này' }));
    expect(await screen.findByText(/không phải mã hồ sơ/)).toBeInTheDocument();
  });
});

describe('the short survey a commune gets by default', () => {
  const communeCode = demoConfig.commune.code;
  const heading = () => screen.getByRole('heading', { level: 1 });

  it('asks, after the face, the receipt code (its last digits are enough), two plain questions, then the optional comment', async () => {
    await kiosk();
    const user = userEvent.setup();
    const clock = Date.parse('2026-11-23T03:00:00Z'); // 23/11/2026 in Vietnam
    render(<SurveyFlow definition={demoSurvey} communeCode={communeCode} now={() => new Date(clock)} />);
    expect(heading()).toHaveTextContent('Ông/bà có hài lòng');
    await user.click(screen.getByRole('button', { name: 'Rất hài lòng' }));

    expect(screen.getByText('Câu 2 / 5')).toBeInTheDocument();
    expect(heading()).toHaveTextContent('Ông/bà có giấy hẹn không?');
    await user.click(screen.getByRole('button', { name: 'Nhập mã hồ sơ' }));
    expect(screen.getByText('Chỉ cần nhập các số cuối của mã, ví dụ 01005.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Mã hồ sơ trên giấy hẹn'), '01005');
    await user.click(screen.getByRole('button', { name: 'Dùng mã này' }));
    const code = `${communeCode}-261123-01005`;
    expect(await screen.findByText(`Đã nhận mã hồ sơ ${code}.`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));

    // Questions in plain words, answered with one tap each.
    expect(heading()).toHaveTextContent(demoSurvey.questions[0].label.vi);
    await user.click(screen.getByRole('button', { name: 'Có' }));
    expect(heading()).toHaveTextContent(demoSurvey.questions[1].label.vi);
    await user.click(screen.getByRole('button', { name: 'Không' }));

    expect(screen.getByText('Câu 5 / 5')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /góp ý/ })).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Bỏ qua' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect(await screen.findByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' })).toBeInTheDocument();
    expect(await surveys()).toEqual([
      {
        rating: 'very-satisfied',
        answers: { [demoSurvey.questions[0].id]: true, [demoSurvey.questions[1].id]: false },
        dossierCode: code,
        surveyVersion: demoSurvey.version,
      },
    ]);
  });

  it('takes a whole code or "date-number" too, and refuses digits when the kiosk does not know its commune', async () => {
    await kiosk();
    const user = userEvent.setup();
    const clock = Date.parse('2026-11-23T18:00:00Z'); // already 24/11 in Vietnam
    const { unmount } = render(<SurveyFlow definition={demoSurvey} communeCode={communeCode} now={() => new Date(clock)} />);
    await user.click(screen.getByRole('button', { name: 'Hài lòng' }));
    for (const [typed, expected] of [
      ['02 017', `${communeCode}-261124-02017`],
      ['261120-01003', `${communeCode}-261120-01003`],
      ['h29-261101-01009', 'H29-261101-01009'],
    ]) {
      await user.click(screen.getByRole('button', { name: 'Nhập mã hồ sơ' }));
      await user.type(screen.getByLabelText('Mã hồ sơ trên giấy hẹn'), typed);
      await user.click(screen.getByRole('button', { name: 'Dùng mã này' }));
      expect(await screen.findByText(`Đã nhận mã hồ sơ ${expected}.`)).toBeInTheDocument();
    }
    unmount();
    render(<SurveyFlow definition={demoSurvey} now={() => new Date(clock)} />);
    await user.click(await screen.findByRole('button', { name: 'Hài lòng' }));
    await user.click(screen.getByRole('button', { name: 'Nhập mã hồ sơ' }));
    await user.type(screen.getByLabelText('Mã hồ sơ trên giấy hẹn'), '01005');
    await user.click(screen.getByRole('button', { name: 'Dùng mã này' }));
    expect(await screen.findByText(/không phải mã hồ sơ/)).toBeInTheDocument();
  });

  it('records a citizen who walks away with what they answered, flagged partial, when the kiosk starts over', async () => {
    await kiosk();
    const user = userEvent.setup();
    let clock = Date.parse('2026-11-23T03:00:00Z');
    render(
      <SurveyFlow
        definition={{ ...demoSurvey, rules: { inactivitySeconds: 1, countdownSeconds: 1, repeatWindowSeconds: 5 } }}
        communeCode={communeCode}
        now={() => new Date(clock)}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Hài lòng' }));
    await user.click(screen.getByRole('button', { name: 'Bỏ qua' }));
    await user.click(screen.getByRole('button', { name: 'Có' }));
    await screen.findByRole('alertdialog', {}, { timeout: 3000 });
    await waitFor(() => expect(screen.getByText(/Câu 1 \//)).toBeInTheDocument(), { timeout: 4000 });
    await waitFor(async () =>
      expect(await surveys()).toEqual([
        { rating: 'satisfied', answers: { [demoSurvey.questions[0].id]: true }, surveyVersion: demoSurvey.version, flags: ['partial'] },
      ]),
    );

    // The next citizen sends a whole survey: it is not partial, and the first one is not recorded twice.
    clock += 70_000;
    await user.click(screen.getByRole('button', { name: 'Không hài lòng' }));
    while (!screen.queryByRole('button', { name: 'Gửi đánh giá' })) await user.click(screen.getByRole('button', { name: 'Bỏ qua' }));
    await user.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    await screen.findByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' });
    await user.click(screen.getByRole('button', { name: 'Người tiếp theo' }));
    expect((await surveys()).map((d) => [d.rating, d.flags])).toEqual([
      ['satisfied', ['partial']],
      ['not-satisfied', undefined],
    ]);
  });

  it('records the answer of a survey cut short by a reload when the kiosk comes back', async () => {
    await kiosk();
    const user = userEvent.setup();
    const first = render(<SurveyFlow definition={demoSurvey} communeCode={communeCode} />);
    await user.click(screen.getByRole('button', { name: 'Rất hài lòng' }));
    first.unmount(); // the tablet reloads (or loses power) before anything is sent
    expect(await surveys()).toEqual([]);
    render(<SurveyFlow definition={demoSurvey} communeCode={communeCode} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ông/bà có hài lòng');
    await waitFor(async () => expect(await surveys()).toEqual([{ rating: 'very-satisfied', surveyVersion: demoSurvey.version, flags: ['partial'] }]));
  });

  it('follows the flow the commune configured, asking criteria in plain words', async () => {
    await kiosk();
    const user = userEvent.setup();
    render(<SurveyFlow definition={{ ...demoSurvey, flow: [{ kind: 'criterion', id: 'attitude' }, { kind: 'criterion', id: 'gone' }] }} />);
    await user.click(screen.getByRole('button', { name: 'Hài lòng' }));
    expect(screen.getByText('Câu 2 / 2')).toBeInTheDocument(); // the unknown criterion is left out
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ông/bà thấy cán bộ tiếp mình thế nào?');
    await user.click(screen.getByRole('button', { name: 'Rất hài lòng' })); // the last screen: one tap sends
    await screen.findByRole('heading', { name: 'Cảm ơn ông/bà đã đánh giá!' });
    expect(await surveys()).toEqual([{ rating: 'satisfied', criteria: { attitude: 'very-satisfied' }, surveyVersion: demoSurvey.version }]);
  });
});
