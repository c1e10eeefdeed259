import { PersonFields } from '@core/domains/persons/contract';
import { normalize } from '@core/names';
import { PLACES } from '@core/reference';
import { Autocomplete, Button, Card, Group, MultiSelect, NumberInput, Radio, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { PersonArrivalRow } from '@core/contract/persons-common';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { call } from '../../api/client';
import { useCallQuery } from '../../api/hooks';
import { centreToday } from '../../app/centre-time';
import { DraftNotice, useFormDraft } from '../../app/drafts';
import { contractResolver } from '../../app/form';
import { formatPartialDate } from '../../app/format';
import { countryOptions, optionList } from '../../app/labels';
import { SafeForm } from '../../components/SafeForm';
import { ShareWithSelect } from '../persons/ShareWithSelect';
import { notifyError, notifySuccess } from '../../app/notify';

const PURPOSES = ['registration', 'follow_up', 'replication', 'sharing'] as const;

/** dd/mm/yyyy, mm/yyyy or yyyy as typed → yyyy[-mm[-dd]]. */
function toPartialDate(text: string): string | null {
  const s = text.trim();
  if (!s) return null;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return `${m[2]}-${m[1]!.padStart(2, '0')}`;
  return s; // the contract validates the rest (year alone, or an error)
}

/** Station 2: registration of an expected person (/registro/:id), an unlisted one (?arribo=) or a walk-in. */
export function RegistrationPage() {
  const { t } = useTranslation();
  const { personArrivalId } = useParams();
  const [params] = useSearchParams();
  const arrivalId = params.get('arribo');
  const navigate = useNavigate();
  const from = params.get('de'); // the arrival of the expected person being registered
  const expected = useCallQuery('arrivals.get', { id: from ?? '' }, { enabled: !!personArrivalId && !!from, staleTime: 0 });
  const row = expected.data?.persons.find((r) => r.personArrivalId === personArrivalId);

  const form = useForm({
    mode: 'controlled',
    initialValues: {
      givenNames: row?.givenNames ?? '',
      firstSurname: row?.firstSurname ?? '',
      secondSurname: row?.secondSurname ?? '',
      birthDate: formatPartialDate(row?.birthDate ?? null),
      sex: row?.sex ?? '',
      genderIdentity: '',
      nationality: row?.nationality ?? 'GTM',
      documentType: '',
      documentNumber: row?.documentNumber ?? '',
      originCountry: row?.nationality ?? 'GTM',
      originDepartment: '',
      originMunicipality: '',
      people: '',
      languages: ['es'] as string[],
      interpreterNeeded: false,
      disabilities: [] as string[],
      phone: '',
      familyContact: '',
      yearsAbroad: '' as number | '',
      detentionDays: '' as number | '',
      groupType: row?.groupType ?? 'alone',
      walkInRoute: 'land',
      walkInOrigin: 'MEX',
      pointOfEntry: '',
      consentLanguage: 'es',
      // Never pre-ticked: each purpose is an explicit yes or no, asked and answered.
      consent: { registration: '', follow_up: '', replication: '', sharing: '' } as Record<(typeof PURPOSES)[number], '' | 'yes' | 'no'>,
      shareWith: [] as string[],
    },
  });
  // Fill the form with the manifest's data once the expected person has loaded.
  const { setValues } = form;
  const fillFromManifest = useCallback((row: PersonArrivalRow) =>
    setValues({
      givenNames: row.givenNames,
      firstSurname: row.firstSurname,
      secondSurname: row.secondSurname ?? '',
      birthDate: formatPartialDate(row.birthDate),
      sex: row.sex ?? '',
      nationality: row.nationality ?? 'GTM',
      originCountry: row.nationality ?? 'GTM',
      documentNumber: row.documentNumber ?? '',
      groupType: row.groupType,
    }), [setValues]);
  useEffect(() => {
    if (row) fillFromManifest(row);
  }, [row, fillFromManifest]);
  // What was typed survives the idle lock, a user switch and a reload (laid over the manifest's data).
  const draft = useFormDraft(`registration:${personArrivalId ?? (arrivalId ? `a-${arrivalId}` : 'walk-in')}`, form.values, setValues, !personArrivalId || !!row);
  const v = form.values;
  const departments = PLACES[v.originCountry]?.departments ?? [];

  const submit = form.onSubmit(async (values) => {
    const person = {
      givenNames: values.givenNames,
      firstSurname: values.firstSurname,
      secondSurname: values.secondSurname,
      birthDate: toPartialDate(values.birthDate),
      sex: (values.sex || null) as 'F' | 'M' | 'X' | null,
      genderIdentity: values.genderIdentity,
      nationality: values.nationality || null,
      documentType: (values.documentType || null) as never,
      documentNumber: values.documentNumber,
      originCountry: values.originCountry || null,
      originDepartment: values.originDepartment,
      originMunicipality: values.originMunicipality,
      people: values.people,
      languages: values.languages,
      interpreterNeeded: values.interpreterNeeded,
      disabilities: values.disabilities,
      phone: values.phone,
      familyContact: values.familyContact,
      yearsAbroad: values.yearsAbroad === '' ? null : Number(values.yearsAbroad),
      detentionDays: values.detentionDays === '' ? null : Number(values.detentionDays),
    };
    const errors = contractResolver(PersonFields)(person as never);
    // Born "tomorrow" at the centre: said at the field, before the core refuses it.
    if (!errors.birthDate && person.birthDate && person.birthDate > centreToday().slice(0, person.birthDate.length)) errors.birthDate = t('validation.dateFuture');
    for (const purpose of PURPOSES) if (!values.consent[purpose]) errors[`consent.${purpose}`] = t('registration.consentAnswer');
    if (values.consent.sharing === 'yes' && values.shareWith.length === 0) errors.shareWith = t('registration.shareWithNeeded');
    if (Object.keys(errors).length) return form.setErrors(errors);
    // Sharing is consented per named institution; the other purposes are yes or no.
    const consent = {
      language: values.consentLanguage,
      decisions: [
        ...PURPOSES.filter((p) => p !== 'sharing').map((purpose) => ({ purpose, institution: '', granted: values.consent[purpose] === 'yes' })),
        ...(values.consent.sharing === 'yes' ? values.shareWith.map((institution) => ({ purpose: 'sharing' as const, institution, granted: true })) : []),
      ],
    };
    const groupType = values.groupType as 'alone' | 'family' | 'unaccompanied_minor';
    try {
      const result = personArrivalId
        ? await call('persons.register', { personArrivalId, person, groupType, consent })
        : arrivalId
          ? await call('persons.register', { arrivalId, person, groupType, consent })
          : await call('persons.register', {
              walkIn: { route: values.walkInRoute as 'air' | 'land', originCountry: values.walkInOrigin, pointOfEntry: values.pointOfEntry },
              person,
              groupType,
              consent,
            });
      await draft.discard();
      notifySuccess(t('registration.saved', { caseNumber: result.person.caseNumber }));
      void navigate(`/personas/${result.person.id}`);
    } catch (error) {
      notifyError(error);
    }
  });

  const walkIn = !personArrivalId && !arrivalId;
  return (
    <SafeForm onSubmit={submit} errors={form.errors} aria-label={t('registration.title')}>
      <Stack maw={1000}>
        <Title order={2}>{walkIn ? t('registration.walkInTitle') : t('registration.title')}</Title>
        <DraftNotice draft={draft} onDiscard={() => (form.reset(), row && fillFromManifest(row))} />
        {walkIn && (
          <Card withBorder>
            <Text fw={600} mb="xs">{t('registration.walkIn')}</Text>
            <SimpleGrid cols={3}>
              <Select label={t('registration.walkInRoute')} data={(['land', 'air'] as const).map((r) => ({ value: r, label: t(`arrivals.routes.${r}`) }))} allowDeselect={false} {...form.getInputProps('walkInRoute')} />
              <Select label={t('registration.walkInOrigin')} data={countryOptions()} searchable allowDeselect={false} {...form.getInputProps('walkInOrigin')} />
              <TextInput label={t('registration.pointOfEntry')} {...form.getInputProps('pointOfEntry')} />
            </SimpleGrid>
          </Card>
        )}
        <Card withBorder>
          <Text fw={600} mb="xs">{t('registration.identity')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('registration.givenNames')} required autoFocus {...form.getInputProps('givenNames')} />
            <TextInput label={t('registration.firstSurname')} required {...form.getInputProps('firstSurname')} />
            <TextInput label={t('registration.secondSurname')} {...form.getInputProps('secondSurname')} />
            <TextInput label={t('registration.birthDate')} description={t('registration.birthDateHelp')} placeholder={t('common.datePlaceholder')} {...form.getInputProps('birthDate')} />
            <Select label={t('registration.sex')} data={(['F', 'M', 'X'] as const).map((s) => ({ value: s, label: t(`registration.sexes.${s}`) }))} searchable {...form.getInputProps('sex')} />
            <TextInput label={t('registration.genderIdentity')} {...form.getInputProps('genderIdentity')} />
            <Select label={t('registration.nationality')} data={countryOptions()} searchable {...form.getInputProps('nationality')} />
            <Select
              label={t('registration.documentType')}
              data={(['dpi', 'passport', 'birth_certificate', 'consular_id', 'other', 'none'] as const).map((d) => ({ value: d, label: t(`registration.documentTypes.${d}`) }))}
              {...form.getInputProps('documentType')}
            />
            <TextInput label={t('registration.documentNumber')} {...form.getInputProps('documentNumber')} />
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">{t('registration.origin')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('registration.originCountry')} data={countryOptions()} searchable {...form.getInputProps('originCountry')} />
            <Autocomplete
              label={t('registration.originDepartment')}
              data={departments.map((d) => d.name)}
              {...form.getInputProps('originDepartment')}
            />
            <Autocomplete
              label={t('registration.originMunicipality')}
              data={departments.find((d) => normalize(d.name) === normalize(v.originDepartment))?.municipalities ?? []}
              limit={40}
              {...form.getInputProps('originMunicipality')}
            />
            <Select label={t('registration.people')} data={optionList('peoples')} searchable clearable {...form.getInputProps('people')} />
            <MultiSelect label={t('registration.languages')} data={optionList('languages')} searchable {...form.getInputProps('languages')} />
            <Switch label={t('registration.interpreterNeeded')} mt="xl" {...form.getInputProps('interpreterNeeded', { type: 'checkbox' })} />
            <MultiSelect label={t('registration.disabilities')} data={optionList('disabilities')} searchable {...form.getInputProps('disabilities')} />
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap="xs">
              <Text fw={600}>{t('registration.contact')}</Text>
              <TextInput label={t('registration.phone')} {...form.getInputProps('phone')} />
              <TextInput label={t('registration.familyContact')} {...form.getInputProps('familyContact')} />
            </Stack>
            <Stack gap="xs">
              <Text fw={600}>{t('registration.migration')}</Text>
              <NumberInput label={t('registration.yearsAbroad')} min={0} max={80} decimalScale={1} {...form.getInputProps('yearsAbroad')} />
              <NumberInput label={t('registration.detentionDays')} min={0} max={3650} {...form.getInputProps('detentionDays')} />
            </Stack>
          </SimpleGrid>
          <Text fw={600} mt="sm" mb={4}>{t('registration.group')}</Text>
          <SegmentedControl data={(['alone', 'family', 'unaccompanied_minor'] as const).map((g) => ({ value: g, label: t(`arrivals.group.${g}`) }))} {...form.getInputProps('groupType')} />
        </Card>
        <Card withBorder>
          <Text fw={600}>{t('registration.consent')}</Text>
          <Text size="sm" c="dimmed" mb="xs">{t('registration.consentHelp')}</Text>
          <Group align="flex-start" grow>
            <Stack gap={8}>
              {PURPOSES.map((purpose) => (
                <Radio.Group key={purpose} label={t(`registration.purposes.${purpose}`)} required {...form.getInputProps(`consent.${purpose}`)}>
                  <Group gap="lg" mt={4}>
                    <Radio value="yes" label={t('common.yes')} />
                    <Radio value="no" label={t('common.no')} />
                  </Group>
                </Radio.Group>
              ))}
              {v.consent.sharing === 'yes' && (
                <ShareWithSelect required {...form.getInputProps('shareWith')} />
              )}
            </Stack>
            <Select label={t('registration.consentLanguage')} data={optionList('languages')} allowDeselect={false} {...form.getInputProps('consentLanguage')} />
          </Group>
        </Card>
        <Group justify="flex-end">
          <Text size="xs" c="dimmed">{t('registration.saveHint')}</Text>
          <Button type="submit" size="md">{t('registration.save')}</Button>
        </Group>
      </Stack>
    </SafeForm>
  );
}
