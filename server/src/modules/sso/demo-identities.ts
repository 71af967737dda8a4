/**
 * Identities known to the built-in demo identity provider, which stands in for 浙江政务服务网
 * (personal and legal-person accounts). The demo seed binds some of them to demo users and units.
 * ID numbers and credit codes here are synthetic but carry valid check digits.
 */
export interface DemoGovIdentity {
  subject: string;
  kind: 'personal' | 'legalPerson';
  name: string;
  /** personal: 18-digit ID number; legal person: unified social credit code */
  certificateNumber: string;
  mobile: string;
  /** legal person only: the operator acting for the unit */
  agentName?: string;
}
